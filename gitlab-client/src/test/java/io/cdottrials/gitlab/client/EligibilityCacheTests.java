package io.cdottrials.gitlab.client;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.cdottrials.gitlab.client.EligibilityCache.Fill;
import io.cdottrials.gitlab.client.EligibilityCache.Read;
import io.cdottrials.gitlab.testsupport.TestNamespaces;
import io.cdottrials.model.TrialType;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.connection.lettuce.LettuceConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.Expiration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One key per namespace on a real Redis, through the Lettuce connection and through a
 * connection factory that is not Lettuce's (Spring Data's pipeline): the value carries
 * the generation, an invalidation leaves a tombstone with the next one, and a write-back
 * is a compare-and-set on it. On the standalone test Redis, or on the test cluster when
 * {@code gitlab.test.redis=cluster}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "gitlab.cdot.base-url=http://127.0.0.1:1")
class EligibilityCacheTests {

	private static final String DAP = TrialType.ULTIMATE_WITH_DAP.wireName();

	private static final String DUO_PRO = TrialType.GITLAB_DUO_PRO.wireName();

	private static final long HOUR = Duration.ofHours(1).toMillis();

	@Autowired
	RedisConnectionFactory lettuce;

	@Autowired
	TrialEligibilityProperties properties;

	@Autowired
	StringRedisTemplate redis;

	static Stream<Arguments> connections() {
		return Stream.of(Arguments.of("lettuce"), Arguments.of("any factory"));
	}

	private EligibilityCache cache(String connection) {
		RedisConnectionFactory factory = connection.equals("lettuce") ? this.lettuce : notLettuce(this.lettuce);
		return new EligibilityCache(factory, CircuitBreaker.ofDefaults("test"), this.properties);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("connections")
	void aWrittenAnswerIsReadBackWithItsGeneration(String connection) {
		EligibilityCache cache = cache(connection);
		long id = TestNamespaces.next();
		CachedEntry entry = new CachedEntry(List.of(DAP, DUO_PRO), 1_000, 2_000);

		long written = cache.write(List.of(new Fill(id, 0, entry, HOUR)));
		Read read = cache.read(List.of(id, TestNamespaces.next()));

		assertThat(written).isEqualTo(1);
		assertThat(read.entries()).containsExactly(entry, null);
		assertThat(read.generations()).containsExactly(0, 0);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("connections")
	void invalidationLeavesAShortLivedTombstoneWithTheNextGeneration(String connection) {
		EligibilityCache cache = cache(connection);
		long id = TestNamespaces.next();
		cache.write(List.of(new Fill(id, 0, new CachedEntry(List.of(DAP), 1_000, 2_000), HOUR)));

		cache.invalidate(List.of(id));
		Read once = cache.read(List.of(id));
		cache.invalidate(List.of(id));
		Read twice = cache.read(List.of(id));

		assertThat(once.entries()).containsOnlyNulls();
		assertThat(once.generations()).containsExactly(1);
		assertThat(twice.generations()).containsExactly(2);
		assertThat(this.redis.getExpire(EligibilityCache.key(id))).isBetween(1L, 60L);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("connections")
	void aWriteBackUnderAnOlderGenerationWritesNothing(String connection) {
		EligibilityCache cache = cache(connection);
		long id = TestNamespaces.next();
		CachedEntry before = new CachedEntry(List.of(DAP), 1_000, 2_000);
		CachedEntry after = new CachedEntry(List.of(), 3_000, 4_000);
		cache.invalidate(List.of(id));

		long stale = cache.write(List.of(new Fill(id, 0, before, HOUR)));
		Read tombstone = cache.read(List.of(id));
		long current = cache.write(List.of(new Fill(id, 1, after, HOUR)));
		Read read = cache.read(List.of(id));

		assertThat(stale).isZero();
		assertThat(tombstone.entries()).containsOnlyNulls();
		assertThat(current).isEqualTo(1);
		assertThat(read.entries()).containsExactly(after);
		assertThat(read.generations()).containsExactly(1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("connections")
	void anOldJsonValueIsAMissThatAFillOverwrites(String connection) {
		EligibilityCache cache = cache(connection);
		long id = TestNamespaces.next();
		this.redis.opsForValue()
			.set(EligibilityCache.key(id),
					"{\"trial_types\":[\"" + DAP + "\"],\"fetched_at\":1,\"fresh_until\":" + Long.MAX_VALUE + "}",
					Duration.ofHours(1));

		Read old = cache.read(List.of(id));
		long written = cache.write(List.of(new Fill(id, 0, new CachedEntry(List.of(DUO_PRO), 1_000, 2_000), HOUR)));

		assertThat(old.entries()).containsOnlyNulls();
		assertThat(old.generations()).containsExactly(0);
		assertThat(written).isEqualTo(1);
		assertThat(cache.read(List.of(id)).entries()[0].trialTypes()).containsExactly(DUO_PRO);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("connections")
	void aValueOfAnotherTypeTableIsAMissButKeepsItsGeneration(String connection) {
		EligibilityCache cache = cache(connection);
		long id = TestNamespaces.next();
		byte[] value = CachedValueFormat.encode(7, new CachedEntry(List.of(DAP), 1_000, 2_000));
		value[2] ^= 0x5a;
		set(id, value);

		Read read = cache.read(List.of(id));
		long stale = cache.write(List.of(new Fill(id, 6, new CachedEntry(List.of(), 1_000, 2_000), HOUR)));
		long current = cache.write(List.of(new Fill(id, 7, new CachedEntry(List.of(), 1_000, 2_000), HOUR)));

		assertThat(read.entries()).containsOnlyNulls();
		assertThat(read.generations()).containsExactly(7);
		assertThat(stale).isZero();
		assertThat(current).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("connections")
	void trialTypesThisBuildDoesNotKnowPassThrough(String connection) {
		EligibilityCache cache = cache(connection);
		long id = TestNamespaces.next();
		List<String> answer = CachedValueFormat.normalize(List.of("ultimate_with_something_new", DUO_PRO, DAP));

		cache.write(List.of(new Fill(id, 0, new CachedEntry(answer, 1_000, 2_000), HOUR)));

		assertThat(answer).containsExactly(DAP, DUO_PRO, "ultimate_with_something_new");
		assertThat(cache.read(List.of(id)).entries()[0].trialTypes()).isEqualTo(answer);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("connections")
	void scriptsRedisForgotAreLoadedAgain(String connection) throws Exception {
		EligibilityCache cache = cache(connection);
		long id = TestNamespaces.next();
		cache.write(List.of(new Fill(id, 0, new CachedEntry(List.of(DAP), 1_000, 2_000), HOUR)));
		// what a restarted Redis, or a replica promoted on a cluster, knows of the
		// scripts
		try (RedisConnection redis = this.lettuce.getConnection()) {
			((LettuceConnection) redis).getNativeConnection().scriptFlush().get(10, TimeUnit.SECONDS);
		}

		cache.invalidate(List.of(id));
		long written = cache.write(List.of(new Fill(id, 1, new CachedEntry(List.of(DUO_PRO), 1_000, 2_000), HOUR)));

		assertThat(written).isEqualTo(1);
		assertThat(cache.read(List.of(id)).entries()[0].trialTypes()).containsExactly(DUO_PRO);
		assertThat(cache.read(List.of(id)).generations()).containsExactly(1);
	}

	private void set(long id, byte[] value) {
		this.redis.execute((RedisCallback<Boolean>) (connection) -> connection.stringCommands()
			.set(EligibilityCache.keyBytes(id), value, Expiration.from(Duration.ofHours(1)), SetOption.upsert()));
		assertThat(new String(EligibilityCache.keyBytes(id), StandardCharsets.US_ASCII))
			.isEqualTo(EligibilityCache.key(id));
	}

	// a factory whose connections are not LettuceConnections: the library's fallback path
	static RedisConnectionFactory notLettuce(RedisConnectionFactory factory) {
		return (RedisConnectionFactory) Proxy.newProxyInstance(EligibilityCacheTests.class.getClassLoader(),
				new Class<?>[] { RedisConnectionFactory.class }, (proxy, method, args) -> {
					Object result = invoke(method, factory, args);
					if (result instanceof RedisConnection connection) {
						return Proxy.newProxyInstance(EligibilityCacheTests.class.getClassLoader(),
								new Class<?>[] { RedisConnection.class },
								(innerProxy, innerMethod, innerArgs) -> invoke(innerMethod, connection, innerArgs));
					}
					return result;
				});
	}

	private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}

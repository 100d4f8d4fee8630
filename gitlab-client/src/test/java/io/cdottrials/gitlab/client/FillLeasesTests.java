package io.cdottrials.gitlab.client;

import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import io.cdottrials.gitlab.client.FillLeases.Lease;
import io.cdottrials.gitlab.testsupport.TestNamespaces;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fill leases on a real Redis, through the Lettuce connection and through a
 * connection factory that is not Lettuce's: one holder per namespace, released only by
 * its holder, and no lease at all (everything fetched) when Redis cannot be asked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "gitlab.cdot.base-url=http://127.0.0.1:1")
class FillLeasesTests {

	@Autowired
	RedisConnectionFactory lettuce;

	@Autowired
	TrialEligibilityProperties properties;

	@Autowired
	StringRedisTemplate redis;

	static Stream<Arguments> connections() {
		return Stream.of(Arguments.of("lettuce"), Arguments.of("any factory"));
	}

	private FillLeases leases(String connection, CircuitBreaker breaker) {
		RedisConnectionFactory factory = connection.equals("lettuce") ? this.lettuce
				: EligibilityCacheTests.notLettuce(this.lettuce);
		return new FillLeases(new EligibilityCache(factory, breaker, this.properties), this.properties.lease(),
				new EligibilityMetrics(new SimpleMeterRegistry()), Clock.systemUTC());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("connections")
	void aNamespaceHasOneLeaseHolderUntilItReleases(String connection) {
		FillLeases leases = leases(connection, CircuitBreaker.ofDefaults("test"));
		long first = TestNamespaces.next();
		long second = TestNamespaces.next();

		Lease mine = leases.take(List.of(first));
		Lease other = leases.take(List.of(first, second));

		assertThat(mine.won()).containsExactly(first);
		assertThat(other.won()).containsExactly(second);
		assertThat(other.lost()).containsExactly(first);
		assertThat(this.redis.getExpire(FillLeases.KEY_PREFIX + first)).isBetween(1L, 3L);

		leases.release(mine);
		assertThat(leases.take(List.of(first)).won()).containsExactly(first);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("connections")
	void aLeaseThatExpiredAndWasTakenByAnotherReplicaIsNotReleasedByItsFirstHolder(String connection) {
		FillLeases leases = leases(connection, CircuitBreaker.ofDefaults("test"));
		long id = TestNamespaces.next();
		Lease expired = leases.take(List.of(id));
		this.redis.opsForValue().set(FillLeases.KEY_PREFIX + id, "another replica's token");

		leases.release(expired);

		assertThat(this.redis.opsForValue().get(FillLeases.KEY_PREFIX + id)).isEqualTo("another replica's token");
	}

	@Test
	void withTheRedisBreakerOpenEveryNamespaceIsFetchedWithoutALease() {
		CircuitBreaker open = CircuitBreaker.ofDefaults("open");
		open.transitionToForcedOpenState();
		long id = TestNamespaces.next();
		this.redis.opsForValue().set(FillLeases.KEY_PREFIX + id, "another replica's token");

		Lease lease = leases("lettuce", open).take(List.of(id));

		assertThat(lease.won()).containsExactly(id);
		assertThat(lease.lost()).isEmpty();
		assertThat(lease.held()).isEmpty();
	}

}

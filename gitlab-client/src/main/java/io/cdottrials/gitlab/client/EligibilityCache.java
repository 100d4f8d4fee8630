package io.cdottrials.gitlab.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Redis side of the cache: one MGET to read, one script call to write back (only
 * where the generation is unchanged) and one to invalidate. Every call goes through a
 * circuit breaker so that a dead Redis costs one short timeout, not one per request.
 */
public final class EligibilityCache {

	static final String KEY_PREFIX = "namespaces:eligible_trials:";

	static final String GENERATION_SUFFIX = ":gen";

	private static final RedisScript<Long> WRITE_BACK = RedisScript
		.of(new ClassPathResource("io/cdottrials/gitlab/client/write-back.lua"), Long.class);

	private static final RedisScript<Long> INVALIDATE = RedisScript
		.of(new ClassPathResource("io/cdottrials/gitlab/client/invalidate.lua"), Long.class);

	private final StringRedisTemplate redis;

	private final CircuitBreaker breaker;

	private final JsonMapper jsonMapper;

	private final long generationTtlMillis;

	public EligibilityCache(StringRedisTemplate redis, CircuitBreaker breaker, JsonMapper jsonMapper,
			TrialEligibilityProperties properties) {
		this.redis = redis;
		this.breaker = breaker;
		this.jsonMapper = jsonMapper;
		this.generationTtlMillis = properties.ttl()
			.plus(properties.jitter())
			.plus(properties.staleIfError())
			.plus(properties.ttl())
			.toMillis();
	}

	static String key(long namespaceId) {
		return KEY_PREFIX + namespaceId;
	}

	static String generationKey(long namespaceId) {
		return KEY_PREFIX + namespaceId + GENERATION_SUFFIX;
	}

	/**
	 * Reads the entries and generations of the given namespaces in one MGET.
	 * @param namespaceIds distinct ids
	 * @return a slot per id
	 */
	Map<Long, Slot> read(List<Long> namespaceIds) {
		List<String> keys = new ArrayList<>(namespaceIds.size() * 2);
		namespaceIds.forEach((id) -> keys.add(key(id)));
		namespaceIds.forEach((id) -> keys.add(generationKey(id)));
		List<@Nullable String> values = this.breaker.executeSupplier(() -> this.redis.opsForValue().multiGet(keys));
		if (values == null || values.size() != keys.size()) {
			throw new IllegalStateException(
					"MGET answered " + ((values != null) ? values.size() : 0) + " values for " + keys.size() + " keys");
		}
		Map<Long, Slot> slots = new HashMap<>();
		for (int i = 0; i < namespaceIds.size(); i++) {
			String generation = values.get(namespaceIds.size() + i);
			slots.put(namespaceIds.get(i), new Slot(parse(values.get(i)), (generation != null) ? generation : "0"));
		}
		return slots;
	}

	/**
	 * Writes answers back in one script call; an entry is written only where the
	 * generation still is the one read before CDot was asked.
	 * @param fills what to write
	 * @return how many entries were written
	 */
	long write(Collection<Fill> fills) {
		List<String> keys = new ArrayList<>(fills.size() * 2);
		List<String> args = new ArrayList<>(fills.size() * 3);
		for (Fill fill : fills) {
			keys.add(key(fill.namespaceId()));
			keys.add(generationKey(fill.namespaceId()));
			args.add(fill.generation());
			args.add(this.jsonMapper.writeValueAsString(fill.entry()));
			args.add(Long.toString(fill.ttlMillis()));
		}
		Long written = this.breaker
			.executeSupplier(() -> this.redis.execute(WRITE_BACK, keys, args.toArray(Object[]::new)));
		return (written != null) ? written : 0;
	}

	/**
	 * Bumps the generation and deletes the entry of each namespace, atomically.
	 * @param namespaceIds the namespaces
	 */
	void invalidate(Collection<Long> namespaceIds) {
		List<String> keys = new ArrayList<>(namespaceIds.size() * 2);
		for (long id : namespaceIds) {
			keys.add(key(id));
			keys.add(generationKey(id));
		}
		this.breaker
			.executeSupplier(() -> this.redis.execute(INVALIDATE, keys, Long.toString(this.generationTtlMillis)));
	}

	private @Nullable CachedEntry parse(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return this.jsonMapper.readValue(value, CachedEntry.class);
		}
		catch (JacksonException ex) {
			// not ours or from an older format: a miss, and the fill overwrites it
			return null;
		}
	}

	/**
	 * What Redis holds for one namespace.
	 *
	 * @param entry the cached answer, if any
	 * @param generation the namespace's generation ({@code "0"} before any invalidation)
	 */
	record Slot(@Nullable CachedEntry entry, String generation) {
	}

	/**
	 * One answer to write back.
	 *
	 * @param namespaceId the namespace
	 * @param generation the generation read before CDot was asked
	 * @param entry the answer
	 * @param ttlMillis how long Redis keeps it
	 */
	record Fill(long namespaceId, String generation, CachedEntry entry, long ttlMillis) {
	}

}

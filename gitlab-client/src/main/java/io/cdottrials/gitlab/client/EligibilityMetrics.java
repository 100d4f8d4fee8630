package io.cdottrials.gitlab.client;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The client's meters. Prometheus names:
 * {@code gitlab_trial_eligibility_cache_gets_total} by {@code result} (hit, miss, stale,
 * unavailable), {@code gitlab_cdot_calls_seconds} by {@code operation} and
 * {@code outcome}, {@code gitlab_trial_eligibility_invalidations_total} by
 * {@code source}, {@code gitlab_trial_eligibility_coalesced_misses_total} and
 * {@code gitlab_trial_eligibility_answers_total} by {@code state},
 * {@code gitlab_trial_eligibility_fill_leases_total} by {@code result} (won, lost) and
 * {@code gitlab_trial_eligibility_lease_waits_total} by {@code outcome} (filled,
 * fell_back). Meters are registered once and kept, so that the cached path does not look
 * them up per namespace.
 */
public final class EligibilityMetrics {

	private final MeterRegistry registry;

	private final Counter hits;

	private final Counter misses;

	private final Counter stale;

	private final Counter unavailable;

	private final Counter[] answers = new Counter[AnswerState.values().length];

	private final Map<InvalidationSource, Counter> invalidations = new EnumMap<>(InvalidationSource.class);

	private final Map<String, Timer> cdotCalls = new ConcurrentHashMap<>();

	private final Counter coalesced;

	private final Counter leasesWon;

	private final Counter leasesLost;

	private final Counter waitsFilled;

	private final Counter waitsFellBack;

	public EligibilityMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.hits = cacheGets(registry, "hit");
		this.misses = cacheGets(registry, "miss");
		this.stale = cacheGets(registry, "stale");
		this.unavailable = cacheGets(registry, "unavailable");
		for (AnswerState state : AnswerState.values()) {
			this.answers[state.ordinal()] = Counter.builder("gitlab.trial_eligibility.answers")
				.description("Namespace answers by state")
				.tag("state", state.wireName())
				.register(registry);
		}
		for (InvalidationSource source : InvalidationSource.values()) {
			this.invalidations.put(source,
					Counter.builder("gitlab.trial_eligibility.invalidations")
						.description("Namespaces whose cached answer was invalidated")
						.tag("source", source.tag())
						.register(registry));
		}
		this.coalesced = Counter.builder("gitlab.trial_eligibility.coalesced_misses")
			.description("Cache misses that joined a CDot call already in flight")
			.register(registry);
		this.leasesWon = fillLeases(registry, "won");
		this.leasesLost = fillLeases(registry, "lost");
		this.waitsFilled = leaseWaits(registry, "filled");
		this.waitsFellBack = leaseWaits(registry, "fell_back");
	}

	private static Counter fillLeases(MeterRegistry registry, String result) {
		return Counter.builder("gitlab.trial_eligibility.fill_leases")
			.description("Namespaces missed whose fill lease this replica took (won) or found taken (lost)")
			.tag("result", result)
			.register(registry);
	}

	private static Counter leaseWaits(MeterRegistry registry, String outcome) {
		return Counter.builder("gitlab.trial_eligibility.lease_waits")
			.description("Namespaces waited for because another replica held the lease: filled by it, "
					+ "or fetched here after the wait")
			.tag("outcome", outcome)
			.register(registry);
	}

	private static Counter cacheGets(MeterRegistry registry, String result) {
		return Counter.builder("gitlab.trial_eligibility.cache.gets")
			.description("Namespace lookups in the eligibility cache")
			.tag("result", result)
			.register(registry);
	}

	void cacheGets(int hits, int stale, int misses) {
		increment(this.hits, hits);
		increment(this.stale, stale);
		increment(this.misses, misses);
	}

	void cacheUnavailable(int count) {
		increment(this.unavailable, count);
	}

	private static void increment(Counter counter, int count) {
		if (count > 0) {
			counter.increment(count);
		}
	}

	void coalesced(int count) {
		if (count > 0) {
			this.coalesced.increment(count);
		}
	}

	void leases(int won, int lost) {
		increment(this.leasesWon, won);
		increment(this.leasesLost, lost);
	}

	void leaseWaits(int filled, int fellBack) {
		increment(this.waitsFilled, filled);
		increment(this.waitsFellBack, fellBack);
	}

	void invalidated(InvalidationSource source, int count) {
		this.invalidations.get(source).increment(count);
	}

	void answered(AnswerState state, int count) {
		increment(this.answers[state.ordinal()], count);
	}

	void cdotCall(String operation, String outcome, long nanos) {
		this.cdotCalls
			.computeIfAbsent(operation + ' ' + outcome,
					(key) -> Timer.builder("gitlab.cdot.calls")
						.description("Calls to CDot's GitLab API")
						.tag("operation", operation)
						.tag("outcome", outcome)
						.register(this.registry))
			.record(nanos, TimeUnit.NANOSECONDS);
	}

}

package io.cdottrials.gitlab.client;

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
 * {@code gitlab_trial_eligibility_answers_total} by {@code state}.
 */
final class EligibilityMetrics {

	private final MeterRegistry registry;

	EligibilityMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void cacheGets(String result, int count) {
		if (count > 0) {
			Counter.builder("gitlab.trial_eligibility.cache.gets")
				.description("Namespace lookups in the eligibility cache")
				.tag("result", result)
				.register(this.registry)
				.increment(count);
		}
	}

	void coalesced(int count) {
		if (count > 0) {
			Counter.builder("gitlab.trial_eligibility.coalesced_misses")
				.description("Cache misses that joined a CDot call already in flight")
				.register(this.registry)
				.increment(count);
		}
	}

	void invalidated(InvalidationSource source, int count) {
		Counter.builder("gitlab.trial_eligibility.invalidations")
			.description("Namespaces whose cached answer was invalidated")
			.tag("source", source.tag())
			.register(this.registry)
			.increment(count);
	}

	void answered(AnswerState state) {
		Counter.builder("gitlab.trial_eligibility.answers")
			.description("Namespace answers by state")
			.tag("state", state.wireName())
			.register(this.registry)
			.increment();
	}

	void cdotCall(String operation, String outcome, long nanos) {
		Timer.builder("gitlab.cdot.calls")
			.description("Calls to CDot's GitLab API")
			.tag("operation", operation)
			.tag("outcome", outcome)
			.register(this.registry)
			.record(nanos, TimeUnit.NANOSECONDS);
	}

}

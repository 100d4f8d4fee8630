package io.cdottrials.cdot.trials;

import java.util.HashMap;
import java.util.Map;

import io.cdottrials.model.TrialType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Trial applications by type and outcome ({@code started}, {@code not_eligible},
 * {@code invalid}, {@code failed}: not answered because of an error on CDot's side).
 * Every counter is registered at start-up, so an application looks one up in a map
 * instead of asking the registry, and so the {@code failed} outcome of every type exists
 * at zero: a counter born at 1 with the first failure shows no {@code increase()} to the
 * error ratio alert.
 */
@Component
class TrialMetrics {

	static final String FAILED = "failed";

	private static final String[] OUTCOMES = { "started", "not_eligible", FAILED };

	/**
	 * Types of an invalid application: its trial type was {@code unknown} or
	 * {@code missing}.
	 */
	private static final String[] INVALID_TYPES = { "unknown", "missing" };

	private final Map<String, Counter> counters = new HashMap<>();

	private final MeterRegistry registry;

	TrialMetrics(MeterRegistry registry) {
		this.registry = registry;
		for (TrialType type : TrialType.values()) {
			for (String outcome : OUTCOMES) {
				register(registry, type.wireName(), outcome);
			}
		}
		for (String type : INVALID_TYPES) {
			register(registry, type, "invalid");
		}
	}

	void applied(TrialType type, String outcome) {
		applied(type.wireName(), outcome);
	}

	void applied(String type, String outcome) {
		Counter counter = this.counters.get(key(type, outcome));
		if (counter == null) {
			// an outcome added later without a start-up counter is still counted
			counter = this.registry.counter("cdot.trial.applications", "trial_type", type, "outcome", outcome);
		}
		counter.increment();
	}

	private void register(MeterRegistry registry, String type, String outcome) {
		this.counters.put(key(type, outcome),
				Counter.builder("cdot.trial.applications")
					.tag("trial_type", type)
					.tag("outcome", outcome)
					.register(registry));
	}

	private static String key(String type, String outcome) {
		return type + '/' + outcome;
	}

}

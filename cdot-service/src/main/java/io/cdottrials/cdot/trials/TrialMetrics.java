package io.cdottrials.cdot.trials;

import io.cdottrials.model.TrialType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Trial applications by type and outcome ({@code started}, {@code not_eligible},
 * {@code invalid}, {@code failed}: not answered because of an error on CDot's side). The
 * {@code failed} outcome of every type is registered at zero: a counter born at 1 with
 * the first failure shows no {@code increase()} to the error ratio alert.
 */
@Component
class TrialMetrics {

	static final String FAILED = "failed";

	private final MeterRegistry registry;

	TrialMetrics(MeterRegistry registry) {
		this.registry = registry;
		for (TrialType type : TrialType.values()) {
			counter(type.wireName(), FAILED);
		}
	}

	void applied(TrialType type, String outcome) {
		applied(type.wireName(), outcome);
	}

	void applied(String type, String outcome) {
		counter(type, outcome).increment();
	}

	private Counter counter(String type, String outcome) {
		return this.registry.counter("cdot.trial.applications", "trial_type", type, "outcome", outcome);
	}

}

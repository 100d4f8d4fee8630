package io.cdottrials.cdot.trials;

import io.cdottrials.model.TrialType;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Trial applications by type and outcome ({@code started}, {@code not_eligible},
 * {@code invalid}).
 */
@Component
class TrialMetrics {

	private final MeterRegistry registry;

	TrialMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void applied(TrialType type, String outcome) {
		applied(type.wireName(), outcome);
	}

	void applied(String type, String outcome) {
		this.registry.counter("cdot.trial.applications", "trial_type", type, "outcome", outcome).increment();
	}

}

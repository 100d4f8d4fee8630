package io.cdottrials.cdot.eligibility;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.cdottrials.model.TrialType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Eligibility answers by trial type, and which rule stops namespaces most often. A type
 * that is not offered right now counts in neither.
 */
@Component
class EligibilityMetrics {

	private static final String OFFERED = "offered";

	private final MeterRegistry registry;

	private final Map<TrialType, Counter> eligible = new EnumMap<>(TrialType.class);

	private final Map<TrialType, Counter> ineligible = new EnumMap<>(TrialType.class);

	private final Map<String, Counter> ruleFailures = new ConcurrentHashMap<>();

	EligibilityMetrics(MeterRegistry registry) {
		this.registry = registry;
		for (TrialType type : TrialType.values()) {
			this.eligible.put(type, answers(type, "eligible"));
			this.ineligible.put(type, answers(type, "ineligible"));
		}
	}

	void evaluated(TrialType type, List<Verdict> failed) {
		if (failed.isEmpty()) {
			this.eligible.get(type).increment();
			return;
		}
		if (failed.stream().anyMatch((verdict) -> verdict.rule().equals(OFFERED))) {
			return;
		}
		this.ineligible.get(type).increment();
		for (Verdict verdict : failed) {
			this.ruleFailures
				.computeIfAbsent(verdict.rule(),
						(rule) -> Counter.builder("cdot.trial.eligibility.rule.failures")
							.description("Namespaces an eligibility rule kept from an offered trial type")
							.tag("rule", rule)
							.register(this.registry))
				.increment();
		}
	}

	private Counter answers(TrialType type, String answer) {
		return Counter.builder("cdot.trial.eligibility.answers")
			.description("Eligibility answers per namespace and trial type")
			.tag("trial_type", type.wireName())
			.tag("answer", answer)
			.register(this.registry);
	}

}

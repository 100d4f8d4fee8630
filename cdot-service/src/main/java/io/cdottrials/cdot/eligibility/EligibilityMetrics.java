package io.cdottrials.cdot.eligibility;

import java.util.List;

import io.cdottrials.model.TrialType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Eligibility answers by trial type, and which rule stops namespaces most often. A type
 * that is not offered right now counts in neither. Every meter is registered once, when
 * the rules are known; an answer adds up its namespaces in a {@link Tally} and increments
 * each counter once per request rather than once per namespace.
 */
final class EligibilityMetrics {

	private static final String OFFERED = "offered";

	private static final TrialType[] TYPES = TrialType.values();

	private final Counter[] eligible = new Counter[TYPES.length];

	private final Counter[] ineligible = new Counter[TYPES.length];

	private final Counter[] ruleFailures;

	/** The bit of the {@code offered} rule in a mask of failed rules, 0 without one. */
	private final int offeredBit;

	/**
	 * Registers the meters.
	 * @param registry where they go
	 * @param rules the rules in evaluation order: bit {@code i} of a failure mask is rule
	 * {@code i}
	 */
	EligibilityMetrics(MeterRegistry registry, List<EligibilityRule> rules) {
		for (TrialType type : TYPES) {
			this.eligible[type.ordinal()] = answers(registry, type, "eligible");
			this.ineligible[type.ordinal()] = answers(registry, type, "ineligible");
		}
		this.ruleFailures = new Counter[rules.size()];
		int offered = 0;
		for (int i = 0; i < rules.size(); i++) {
			this.ruleFailures[i] = Counter.builder("cdot.trial.eligibility.rule.failures")
				.description("Namespaces an eligibility rule kept from an offered trial type")
				.tag("rule", rules.get(i).name())
				.register(registry);
			if (rules.get(i).name().equals(OFFERED)) {
				offered = 1 << i;
			}
		}
		this.offeredBit = offered;
	}

	Tally tally() {
		return new Tally();
	}

	private static Counter answers(MeterRegistry registry, TrialType type, String answer) {
		return Counter.builder("cdot.trial.eligibility.answers")
			.description("Eligibility answers per namespace and trial type")
			.tag("trial_type", type.wireName())
			.tag("answer", answer)
			.register(registry);
	}

	/**
	 * The counts of one answer, added to the counters by {@link #publish()}.
	 */
	final class Tally {

		private final int[] eligibleCounts = new int[TYPES.length];

		private final int[] ineligibleCounts = new int[TYPES.length];

		private final int[] ruleFailureCounts = new int[EligibilityMetrics.this.ruleFailures.length];

		/**
		 * Counts one namespace's answer for one type.
		 * @param type the type
		 * @param failedRules bit {@code i} set when rule {@code i} failed
		 */
		void evaluated(TrialType type, int failedRules) {
			if (failedRules == 0) {
				this.eligibleCounts[type.ordinal()]++;
				return;
			}
			if ((failedRules & EligibilityMetrics.this.offeredBit) != 0) {
				return;
			}
			this.ineligibleCounts[type.ordinal()]++;
			for (int rule = 0; rule < this.ruleFailureCounts.length; rule++) {
				if ((failedRules & (1 << rule)) != 0) {
					this.ruleFailureCounts[rule]++;
				}
			}
		}

		void publish() {
			add(EligibilityMetrics.this.eligible, this.eligibleCounts);
			add(EligibilityMetrics.this.ineligible, this.ineligibleCounts);
			add(EligibilityMetrics.this.ruleFailures, this.ruleFailureCounts);
		}

		private static void add(Counter[] counters, int[] counts) {
			for (int i = 0; i < counts.length; i++) {
				if (counts[i] > 0) {
					counters[i].increment(counts[i]);
				}
			}
		}

	}

}

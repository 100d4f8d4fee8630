package io.cdottrials.gitlab.client;

import java.util.List;

import io.cdottrials.model.TrialType;

/**
 * One namespace's answer.
 *
 * @param trialTypes JSON names of the trial types the namespace may start (names rather
 * than {@link TrialType} constants, so types CDot adds later pass through)
 * @param state whether the answer is fresh, stale or degraded
 */
public record NamespaceEligibility(List<String> trialTypes, AnswerState state) {

	public NamespaceEligibility {
		trialTypes = List.copyOf(trialTypes);
	}

	static NamespaceEligibility degraded() {
		return new NamespaceEligibility(List.of(), AnswerState.DEGRADED);
	}

	/**
	 * Whether the namespace may start a trial of the given type.
	 * @param type the trial type
	 * @return {@code true} when the type is among the eligible ones
	 */
	public boolean eligibleFor(TrialType type) {
		return this.trialTypes.contains(type.wireName());
	}

}

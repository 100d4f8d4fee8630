package io.cdottrials.cdot.eligibility.rules;

import java.util.Optional;

import io.cdottrials.cdot.eligibility.Candidate;
import io.cdottrials.cdot.eligibility.EligibilityRule;
import io.cdottrials.cdot.eligibility.PastTrial;
import io.cdottrials.model.TrialFamily;
import io.cdottrials.model.TrialType;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code no_active_trial}: an ultimate trial needs no active trial of either ultimate
 * family; a Duo trial needs no active trial of its own family.
 */
@Component
@Order(3)
class NoActiveTrialRule implements EligibilityRule {

	private static final TrialFamily[] FAMILIES = TrialFamily.values();

	@Override
	public String name() {
		return "no_active_trial";
	}

	@Override
	public boolean passes(Candidate candidate, TrialType type) {
		for (TrialFamily family : FAMILIES) {
			if (blocks(family, type) && candidate.onTrialOf(family)) {
				return false;
			}
		}
		return true;
	}

	@Override
	public String reason(Candidate candidate, TrialType type, boolean passed) {
		if (passed) {
			return type.family().ultimate() ? "the namespace is on no ultimate trial"
					: "the namespace is on no " + type.family() + " trial";
		}
		Optional<PastTrial> blocking = candidate.trials()
			.stream()
			.filter((trial) -> trial.activeOn(candidate.today()) && blocks(trial.trialType().family(), type))
			.findFirst();
		return blocking.map(
				(trial) -> "the namespace is on a " + trial.trialType() + " trial until " + trial.endsOn().minusDays(1))
			.orElseThrow();
	}

	private static boolean blocks(TrialFamily active, TrialType asked) {
		if (asked.family().ultimate()) {
			return active.ultimate();
		}
		return active == asked.family();
	}

}

package io.cdottrials.cdot.eligibility.rules;

import java.util.Optional;

import io.cdottrials.cdot.eligibility.Candidate;
import io.cdottrials.cdot.eligibility.EligibilityRule;
import io.cdottrials.cdot.eligibility.PastTrial;
import io.cdottrials.cdot.eligibility.Verdict;
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

	@Override
	public String name() {
		return "no_active_trial";
	}

	@Override
	public Verdict evaluate(Candidate candidate, TrialType type) {
		Optional<PastTrial> blocking = candidate.trials()
			.stream()
			.filter((trial) -> trial.activeOn(candidate.today()))
			.filter((trial) -> blocks(trial.trialType(), type))
			.findFirst();
		if (blocking.isPresent()) {
			PastTrial trial = blocking.get();
			return Verdict.fail(name(),
					"the namespace is on a " + trial.trialType() + " trial until " + trial.endsOn().minusDays(1));
		}
		return Verdict.pass(name(), type.family().ultimate() ? "the namespace is on no ultimate trial"
				: "the namespace is on no " + type.family() + " trial");
	}

	private static boolean blocks(TrialType active, TrialType asked) {
		if (asked.family().ultimate()) {
			return active.family().ultimate();
		}
		return active.family() == asked.family();
	}

}

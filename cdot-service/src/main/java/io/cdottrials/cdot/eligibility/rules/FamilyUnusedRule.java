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
 * {@code family_unused}: a namespace trials each family once, ever.
 */
@Component
@Order(4)
class FamilyUnusedRule implements EligibilityRule {

	@Override
	public String name() {
		return "family_unused";
	}

	@Override
	public Verdict evaluate(Candidate candidate, TrialType type) {
		Optional<PastTrial> earlier = candidate.trials()
			.stream()
			.filter((trial) -> trial.trialType().family() == type.family())
			.findFirst();
		if (earlier.isPresent()) {
			return Verdict.fail(name(), "the namespace already had a " + type.family() + " trial ("
					+ earlier.get().trialType() + " from " + earlier.get().startsOn() + ")");
		}
		return Verdict.pass(name(), "the namespace never had a " + type.family() + " trial");
	}

}

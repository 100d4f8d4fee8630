package io.cdottrials.cdot.eligibility.rules;

import io.cdottrials.cdot.eligibility.Candidate;
import io.cdottrials.cdot.eligibility.EligibilityRule;
import io.cdottrials.cdot.eligibility.PastTrial;
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
	public boolean passes(Candidate candidate, TrialType type) {
		return !candidate.hadTrialOf(type.family());
	}

	@Override
	public String reason(Candidate candidate, TrialType type, boolean passed) {
		if (passed) {
			return "the namespace never had a " + type.family() + " trial";
		}
		PastTrial earlier = candidate.firstTrialOf(type.family(), false).orElseThrow();
		return "the namespace already had a " + type.family() + " trial (" + earlier.trialType() + " from "
				+ earlier.startsOn() + ")";
	}

}

package io.cdottrials.cdot.eligibility.rules;

import io.cdottrials.cdot.eligibility.Candidate;
import io.cdottrials.cdot.eligibility.EligibilityRule;
import io.cdottrials.model.TrialType;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code offered}: the {@code ultimate_trial_with_dap} flag chooses between the DAP and
 * the Duo Enterprise flavour of the two ultimate trials; Duo trials are always offered.
 */
@Component
@Order(1)
class OfferedRule implements EligibilityRule {

	@Override
	public String name() {
		return "offered";
	}

	@Override
	public boolean passes(Candidate candidate, TrialType type) {
		return switch (type) {
			case ULTIMATE_WITH_DAP, ULTIMATE_ON_PREMIUM_WITH_DAP -> candidate.ultimateTrialWithDap();
			case ULTIMATE_WITH_GITLAB_DUO_ENTERPRISE, ULTIMATE_ON_PREMIUM_WITH_GITLAB_DUO_ENTERPRISE ->
				!candidate.ultimateTrialWithDap();
			case GITLAB_DUO_PRO, GITLAB_DUO_ENTERPRISE -> true;
		};
	}

	@Override
	public String reason(Candidate candidate, TrialType type, boolean passed) {
		if (!type.family().ultimate()) {
			return type + " is always offered";
		}
		return type + (passed ? " is offered" : " is not offered") + " while ultimate_trial_with_dap is "
				+ (candidate.ultimateTrialWithDap() ? "on" : "off");
	}

}

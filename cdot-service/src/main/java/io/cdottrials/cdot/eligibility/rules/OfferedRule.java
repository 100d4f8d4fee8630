package io.cdottrials.cdot.eligibility.rules;

import io.cdottrials.cdot.eligibility.Candidate;
import io.cdottrials.cdot.eligibility.EligibilityRule;
import io.cdottrials.cdot.eligibility.Verdict;
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
	public Verdict evaluate(Candidate candidate, TrialType type) {
		return switch (type) {
			case ULTIMATE_WITH_DAP,
					ULTIMATE_ON_PREMIUM_WITH_DAP ->
				candidate.ultimateTrialWithDap()
						? Verdict.pass(name(), type + " is offered while ultimate_trial_with_dap is on")
						: Verdict.fail(name(), type + " is not offered while ultimate_trial_with_dap is off");
			case ULTIMATE_WITH_GITLAB_DUO_ENTERPRISE,
					ULTIMATE_ON_PREMIUM_WITH_GITLAB_DUO_ENTERPRISE ->
				candidate.ultimateTrialWithDap()
						? Verdict.fail(name(), type + " is not offered while ultimate_trial_with_dap is on")
						: Verdict.pass(name(), type + " is offered while ultimate_trial_with_dap is off");
			case GITLAB_DUO_PRO, GITLAB_DUO_ENTERPRISE -> Verdict.pass(name(), type + " is always offered");
		};
	}

}

package io.cdottrials.cdot.eligibility.rules;

import java.util.List;

import io.cdottrials.cdot.catalog.PlanType;
import io.cdottrials.cdot.eligibility.Candidate;
import io.cdottrials.cdot.eligibility.EligibilityRule;
import io.cdottrials.cdot.eligibility.Verdict;
import io.cdottrials.model.TrialType;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code no_conflicting_add_on}: a Duo Pro trial is pointless with Duo Pro or Duo
 * Enterprise already bought, a Duo Enterprise trial with Duo Enterprise bought.
 */
@Component
@Order(5)
class NoConflictingAddOnRule implements EligibilityRule {

	@Override
	public String name() {
		return "no_conflicting_add_on";
	}

	@Override
	public Verdict evaluate(Candidate candidate, TrialType type) {
		List<PlanType> blocking = blockingAddOns(type);
		if (blocking.isEmpty()) {
			return Verdict.pass(name(), "no add-on blocks " + type);
		}
		return blocking.stream()
			.filter(candidate.subscription()::hasActiveAddOn)
			.findFirst()
			.map((addOn) -> Verdict.fail(name(), "the namespace has an active " + addOn.zuoraValue() + " add-on"))
			.orElseGet(() -> Verdict.pass(name(), "the namespace has no active add-on that blocks " + type));
	}

	private static List<PlanType> blockingAddOns(TrialType type) {
		return switch (type) {
			case GITLAB_DUO_PRO -> List.of(PlanType.DUO_PRO, PlanType.DUO_ENTERPRISE);
			case GITLAB_DUO_ENTERPRISE -> List.of(PlanType.DUO_ENTERPRISE);
			default -> List.of();
		};
	}

}

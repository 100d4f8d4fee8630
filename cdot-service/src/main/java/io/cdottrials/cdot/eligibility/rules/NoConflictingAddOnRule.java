package io.cdottrials.cdot.eligibility.rules;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.cdottrials.cdot.catalog.PlanType;
import io.cdottrials.cdot.eligibility.Candidate;
import io.cdottrials.cdot.eligibility.EligibilityRule;
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

	private static final Map<TrialType, PlanType[]> BLOCKING = new EnumMap<>(TrialType.class);

	static {
		for (TrialType type : TrialType.values()) {
			BLOCKING.put(type, blockingAddOns(type).toArray(PlanType[]::new));
		}
	}

	@Override
	public String name() {
		return "no_conflicting_add_on";
	}

	@Override
	public boolean passes(Candidate candidate, TrialType type) {
		for (PlanType addOn : BLOCKING.get(type)) {
			if (candidate.hasActiveAddOn(addOn)) {
				return false;
			}
		}
		return true;
	}

	@Override
	public String reason(Candidate candidate, TrialType type, boolean passed) {
		PlanType[] blocking = BLOCKING.get(type);
		if (blocking.length == 0) {
			return "no add-on blocks " + type;
		}
		for (PlanType addOn : blocking) {
			if (candidate.hasActiveAddOn(addOn)) {
				return "the namespace has an active " + addOn.zuoraValue() + " add-on";
			}
		}
		return "the namespace has no active add-on that blocks " + type;
	}

	private static List<PlanType> blockingAddOns(TrialType type) {
		return switch (type) {
			case GITLAB_DUO_PRO -> List.of(PlanType.DUO_PRO, PlanType.DUO_ENTERPRISE);
			case GITLAB_DUO_ENTERPRISE -> List.of(PlanType.DUO_ENTERPRISE);
			default -> List.of();
		};
	}

}

package io.cdottrials.cdot.eligibility.rules;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import io.cdottrials.cdot.catalog.Tier;
import io.cdottrials.cdot.eligibility.Candidate;
import io.cdottrials.cdot.eligibility.EligibilityRule;
import io.cdottrials.model.TrialType;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code paid_tier}: the namespace's paid tier is one the type is meant for. Bronze (and
 * any other legacy tier) qualifies for none.
 */
@Component
@Order(2)
class PaidTierRule implements EligibilityRule {

	private static final Map<TrialType, Set<Tier>> NEEDED = new EnumMap<>(TrialType.class);

	static {
		for (TrialType type : TrialType.values()) {
			NEEDED.put(type, neededTiers(type));
		}
	}

	@Override
	public String name() {
		return "paid_tier";
	}

	@Override
	public boolean passes(Candidate candidate, TrialType type) {
		return NEEDED.get(type).contains(candidate.paidTier());
	}

	@Override
	public String reason(Candidate candidate, TrialType type, boolean passed) {
		String tierName = candidate.paidTier().zuoraValue();
		if (passed) {
			return "the namespace's paid tier " + tierName + " is one " + type + " needs";
		}
		return type + " needs a paid tier of " + describe(NEEDED.get(type)) + ", but the namespace's paid tier is "
				+ tierName;
	}

	static Set<Tier> neededTiers(TrialType type) {
		return switch (type) {
			case ULTIMATE_WITH_DAP, ULTIMATE_WITH_GITLAB_DUO_ENTERPRISE -> Set.of(Tier.FREE);
			case ULTIMATE_ON_PREMIUM_WITH_DAP, ULTIMATE_ON_PREMIUM_WITH_GITLAB_DUO_ENTERPRISE -> Set.of(Tier.PREMIUM);
			case GITLAB_DUO_PRO -> Set.of(Tier.PREMIUM, Tier.ULTIMATE);
			case GITLAB_DUO_ENTERPRISE -> Set.of(Tier.ULTIMATE);
		};
	}

	private static String describe(Set<Tier> tiers) {
		return (tiers.size() == 1) ? tiers.iterator().next().zuoraValue() : "Premium or Ultimate";
	}

}

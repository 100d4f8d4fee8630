package io.cdottrials.cdot.subscriptions;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.cdottrials.cdot.catalog.Deployment;
import io.cdottrials.cdot.catalog.Plan;
import io.cdottrials.cdot.catalog.PlanType;
import io.cdottrials.cdot.catalog.Tier;

/**
 * SPEC section 3: the paid tier is the effective tier of the active base plan on
 * GitLab.com; self-managed and dedicated plans give a namespace nothing. Should a
 * namespace hold several such base plans at once, the highest tier counts.
 */
final class PaidTiers {

	/** Highest first. */
	private static final List<Tier> RANK = List.of(Tier.ULTIMATE, Tier.PREMIUM, Tier.BRONZE, Tier.STARTER, Tier.LEGACY);

	private PaidTiers() {
	}

	static NamespaceState stateOf(long namespaceId, Collection<Plan> activePlans) {
		Tier paidTier = Tier.FREE;
		Set<PlanType> addOns = EnumSet.noneOf(PlanType.class);
		for (Plan plan : activePlans) {
			if (!plan.basePlan()) {
				addOns.addAll(plan.planTypes());
			}
			else if (plan.deployedOn(Deployment.GITLAB_COM) && plan.tier() != null) {
				paidTier = higher(paidTier, plan.tier().effective());
			}
		}
		// an EnumSet answers contains() with a bit test; the eligibility rules ask it
		// often
		return new NamespaceState(namespaceId, paidTier, Collections.unmodifiableSet(addOns));
	}

	private static Tier higher(Tier current, Tier candidate) {
		int candidateRank = RANK.indexOf(candidate);
		if (candidateRank < 0) {
			return current;
		}
		int currentRank = RANK.indexOf(current);
		return (currentRank < 0 || candidateRank < currentRank) ? candidate : current;
	}

}

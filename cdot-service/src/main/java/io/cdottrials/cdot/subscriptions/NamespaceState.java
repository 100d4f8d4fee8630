package io.cdottrials.cdot.subscriptions;

import java.util.Set;

import io.cdottrials.cdot.catalog.PlanType;
import io.cdottrials.cdot.catalog.Tier;

/**
 * What a namespace's subscription gives it on one day (SPEC section 3).
 *
 * @param namespaceId the namespace
 * @param paidTier the effective tier of its active GitLab.com base plan (Silver as
 * Premium, Gold as Ultimate), {@link Tier#FREE} when it has none
 * @param activeAddOns the plan types of its active add-ons
 */
public record NamespaceState(long namespaceId, Tier paidTier, Set<PlanType> activeAddOns) {

	public static NamespaceState free(long namespaceId) {
		return new NamespaceState(namespaceId, Tier.FREE, Set.of());
	}

	public boolean hasActiveAddOn(PlanType type) {
		return this.activeAddOns.contains(type);
	}

}

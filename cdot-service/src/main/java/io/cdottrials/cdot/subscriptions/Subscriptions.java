package io.cdottrials.cdot.subscriptions;

import java.util.List;

/**
 * The write side of subscriptions: the provisioning hook.
 */
public interface Subscriptions {

	/**
	 * Replaces every item of a namespace's subscription in one transaction and publishes
	 * {@link SubscriptionChanged} within it.
	 * @param namespaceId the namespace
	 * @param items the new items; empty makes the namespace free
	 * @throws UnknownRatePlanException when the catalog does not know an item's plan
	 */
	void replace(long namespaceId, List<SubscriptionItem> items);

	/**
	 * The items last written for a namespace.
	 * @param namespaceId the namespace
	 * @return its items, ordered by start day
	 */
	List<SubscriptionItem> items(long namespaceId);

}

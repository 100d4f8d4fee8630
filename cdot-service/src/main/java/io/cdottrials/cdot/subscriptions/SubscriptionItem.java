package io.cdottrials.cdot.subscriptions;

import java.time.LocalDate;

/**
 * One item of a namespace's subscription.
 *
 * @param productRatePlanId Zuora id of the product rate plan
 * @param quantity seats or units bought, at least 1
 * @param startsOn first day the item is active
 * @param endsOn first day the item is no longer active
 */
public record SubscriptionItem(String productRatePlanId, int quantity, LocalDate startsOn, LocalDate endsOn) {

	/**
	 * Whether the item is active on a day ({@code startsOn <= day < endsOn}).
	 * @param day the day
	 * @return {@code true} when active
	 */
	public boolean activeOn(LocalDate day) {
		return !day.isBefore(this.startsOn) && day.isBefore(this.endsOn);
	}

}

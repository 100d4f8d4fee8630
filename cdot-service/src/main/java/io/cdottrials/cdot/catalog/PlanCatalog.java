package io.cdottrials.cdot.catalog;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The current catalog version, held in memory: lookups run no query. Answers removed
 * plans too (with {@link Plan#removed()} set), since existing subscriptions may still
 * point at them.
 */
public interface PlanCatalog {

	/**
	 * Finds one rate plan.
	 * @param ratePlanId Zuora id of the product rate plan
	 * @return the plan, or empty when the catalog has never known it
	 */
	Optional<Plan> find(String ratePlanId);

	/**
	 * Finds several rate plans at once.
	 * @param ratePlanIds Zuora ids of product rate plans
	 * @return the plans the catalog knows, by id; unknown ids are left out
	 */
	Map<String, Plan> findAll(Collection<String> ratePlanIds);

	/**
	 * The catalog version these answers come from.
	 * @return the version number, 0 before the first successful sync
	 */
	long version();

}

package io.cdottrials.cdot.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Named sets of rate plans (SPEC section 2), e.g. {@code self_service_gitlab_com_plans}.
 * Resolved from the catalog's Zuora custom fields with JSONB containment queries once per
 * catalog version and held in memory, so a lookup runs no query. A runtime flag per
 * classification may send it back to the legacy hard-coded ids.
 */
public interface PlanClassifier {

	/**
	 * Every classification name this classifier knows.
	 * @return the names, in the order of SPEC section 2
	 */
	List<String> names();

	/**
	 * Resolves one classification from the source its flag picks.
	 * @param name a classification name, e.g. {@code premium_plans}
	 * @return the set, or empty for an unknown name
	 */
	Optional<Classification> find(String name);

	/**
	 * Resolves one classification from the source its flag picks.
	 * @param name a known classification name
	 * @return the set
	 * @throws IllegalArgumentException for an unknown name
	 */
	default Classification resolve(String name) {
		return find(name).orElseThrow(() -> new IllegalArgumentException("Unknown classification '" + name + "'"));
	}

}

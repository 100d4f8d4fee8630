package io.cdottrials.cdot.catalog;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One named set of rate plans, as one source resolved it for one catalog version.
 *
 * @param name the classification's name, e.g. {@code premium_plans}
 * @param source the classifier that answered
 * @param catalogVersion the catalog version the answer belongs to (0 before the first
 * sync)
 * @param ratePlanIds Zuora ids of the rate plans in the set, in a stable order
 */
public record Classification(String name, ClassificationSource source, long catalogVersion, Set<String> ratePlanIds) {

	public Classification {
		ratePlanIds = Collections.unmodifiableSet(new LinkedHashSet<>(ratePlanIds));
	}

	public static Classification of(String name, ClassificationSource source, long catalogVersion,
			List<String> ratePlanIds) {
		return new Classification(name, source, catalogVersion, new LinkedHashSet<>(ratePlanIds));
	}

	/**
	 * Whether a rate plan belongs to the set.
	 * @param ratePlanId Zuora id of a product rate plan
	 * @return {@code true} when it does
	 */
	public boolean includes(String ratePlanId) {
		return this.ratePlanIds.contains(ratePlanId);
	}

}

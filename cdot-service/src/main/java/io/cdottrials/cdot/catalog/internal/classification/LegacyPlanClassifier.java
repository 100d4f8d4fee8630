package io.cdottrials.cdot.catalog.internal.classification;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "before" of the plan-management design: classifications answered from rate plan ids
 * written into the code ({@link LegacyPlanConstants}), as CustomersDot has them today.
 * Kept beside the metadata classifier until every flag is on metadata and the
 * reconciliation report is empty.
 */
public final class LegacyPlanClassifier {

	private LegacyPlanClassifier() {
	}

	/**
	 * Every classification's hard-coded rate plan ids.
	 * @return ids by classification name
	 */
	public static Map<String, Set<String>> byClassification() {
		return LegacyPlanConstants.BY_CLASSIFICATION;
	}

	/**
	 * One classification's hard-coded rate plan ids.
	 * @param name a classification name
	 * @return the ids, sorted; empty for a name the constants do not know
	 */
	public static List<String> resolve(String name) {
		return LegacyPlanConstants.BY_CLASSIFICATION.getOrDefault(name, Set.of()).stream().sorted().toList();
	}

}

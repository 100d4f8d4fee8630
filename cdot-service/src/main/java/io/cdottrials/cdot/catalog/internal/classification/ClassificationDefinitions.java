package io.cdottrials.cdot.catalog.internal.classification;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.cdottrials.cdot.catalog.internal.classification.ClassificationCriteria.charge;
import static io.cdottrials.cdot.catalog.internal.classification.ClassificationCriteria.ratePlan;
import static io.cdottrials.cdot.catalog.internal.customfields.CustomFields.ACTIONS;
import static io.cdottrials.cdot.catalog.internal.customfields.CustomFields.CHARGE_DEPLOYMENT;
import static io.cdottrials.cdot.catalog.internal.customfields.CustomFields.CHARGE_TIER;
import static io.cdottrials.cdot.catalog.internal.customfields.CustomFields.COMMUNITY_TYPE;
import static io.cdottrials.cdot.catalog.internal.customfields.CustomFields.IS_TRUE_UP;
import static io.cdottrials.cdot.catalog.internal.customfields.CustomFields.IS_US_PUB_SEC;
import static io.cdottrials.cdot.catalog.internal.customfields.CustomFields.PLAN_STATUS;
import static io.cdottrials.cdot.catalog.internal.customfields.CustomFields.PLAN_TYPE;

/**
 * The classifications of SPEC section 2 as data: a name and the custom field values that
 * put a rate plan in it. Adding a classification is adding one line.
 */
public final class ClassificationDefinitions {

	private static final Map<String, ClassificationCriteria> ALL = new LinkedHashMap<>();

	static {
		define("all_gitlab_com_plans", charge(CHARGE_DEPLOYMENT, "GitLab.com"));
		define("self_service_gitlab_com_plans",
				ratePlan(ACTIONS, "initial_purchase").and(charge(CHARGE_DEPLOYMENT, "GitLab.com")));
		define("all_self_managed_plans", charge(CHARGE_DEPLOYMENT, "Self-Managed"));
		define("all_dedicated_plans", charge(CHARGE_DEPLOYMENT, "Dedicated"));
		define("premium_plans", charge(CHARGE_TIER, "Premium"));
		define("ultimate_plans", charge(CHARGE_TIER, "Ultimate"));
		define("true_up_plans", ratePlan(IS_TRUE_UP, true));
		define("us_pub_sec_plans", ratePlan(IS_US_PUB_SEC, true));
		define("education_plans", ratePlan(COMMUNITY_TYPE, "education"));
		define("open_source_plans", ratePlan(COMMUNITY_TYPE, "open_source"));
		define("startup_plans", ratePlan(COMMUNITY_TYPE, "startup"));
		define("duo_pro_plans", charge(PLAN_TYPE, "duo_pro"));
		define("duo_enterprise_plans", charge(PLAN_TYPE, "duo_enterprise"));
		define("renewable_plans", ratePlan(ACTIONS, "renew"));
		define("additional_purchase_plans", ratePlan(ACTIONS, "additional_purchase"));
		define("active_plans", ratePlan(PLAN_STATUS, "active"));
		define("deprecated_plans", ratePlan(PLAN_STATUS, "deprecated"));
		define("legacy_plans", ratePlan(PLAN_STATUS, "legacy"));
	}

	private ClassificationDefinitions() {
	}

	private static void define(String name, ClassificationCriteria criteria) {
		ALL.put(name, criteria);
	}

	/**
	 * Every classification name, in the order of SPEC section 2.
	 * @return the names
	 */
	public static List<String> names() {
		return List.copyOf(ALL.keySet());
	}

	/**
	 * The criteria of one classification.
	 * @param name a classification name
	 * @return its criteria, or empty for an unknown name
	 */
	public static Optional<ClassificationCriteria> find(String name) {
		return Optional.ofNullable(ALL.get(name));
	}

	/**
	 * Every classification with its criteria.
	 * @return the definitions, in the order of SPEC section 2
	 */
	public static Map<String, ClassificationCriteria> all() {
		return Collections.unmodifiableMap(ALL);
	}

}

package io.cdottrials.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.cdottrials.testsupport.ZuoraStub.Catalog.charge;
import static io.cdottrials.testsupport.ZuoraStub.Catalog.chargeFields;
import static io.cdottrials.testsupport.ZuoraStub.Catalog.planFields;
import static io.cdottrials.testsupport.ZuoraStub.Catalog.product;
import static io.cdottrials.testsupport.ZuoraStub.Catalog.ratePlan;

/**
 * A catalog of any size in Zuora's JSON shape, for sync tests that need more rows than a
 * batch and for the sync benchmark (which uses this class from the test-jar): products of
 * {@value #PLANS_PER_PRODUCT} rate plans, each rate plan with {@value #CHARGES_PER_PLAN}
 * charges (a base charge, a usage charge, an onboarding fee, and a Duo Pro charge on one
 * plan in 25), tiers, deployments and actions spread over the values Zuora uses. Ids are
 * {@code GP<n>}, {@code GRP<n>} and {@code GC<n>-<k>}.
 */
public final class GeneratedCatalog {

	public static final int PLANS_PER_PRODUCT = 4;

	public static final int CHARGES_PER_PLAN = 4;

	private static final String[] TIERS = { "Premium", "Ultimate", "Starter" };

	private static final String[] DEPLOYMENTS = { "GitLab.com", "Self-Managed", "Dedicated" };

	private static final String[] ACTIONS = { "initial_purchase;renew", "renew;additional_purchase", "" };

	private GeneratedCatalog() {
	}

	/**
	 * Products holding {@code ratePlans} rate plans in all.
	 * @param ratePlans how many rate plans, a multiple of {@value #PLANS_PER_PRODUCT}
	 * @return the products, in Zuora's shape
	 */
	public static List<Map<String, Object>> products(int ratePlans) {
		if (ratePlans % PLANS_PER_PRODUCT != 0) {
			throw new IllegalArgumentException("rate plans must be a multiple of " + PLANS_PER_PRODUCT);
		}
		List<Map<String, Object>> products = new ArrayList<>();
		for (int product = 1; product <= ratePlans / PLANS_PER_PRODUCT; product++) {
			List<Map<String, Object>> plans = new ArrayList<>();
			for (int i = 1; i <= PLANS_PER_PRODUCT; i++) {
				plans.add(ratePlanOf((product - 1) * PLANS_PER_PRODUCT + i));
			}
			products.add(product("GP" + product, "Generated product " + product, plans));
		}
		return products;
	}

	private static Map<String, Object> ratePlanOf(int n) {
		Map<String, Object> fields = planFields(ACTIONS[n % ACTIONS.length], (n % 97 != 0) ? "True" : "False");
		fields.put("CDotPlanStatus__c", (n % 4 == 2) ? "deprecated" : "active");
		fields.put("CDotIsTrueUp__c", (n % 500 == 0) ? "True" : "False");
		List<Map<String, Object>> charges = new ArrayList<>();
		Map<String, Object> base = chargeFields(TIERS[n % TIERS.length], DEPLOYMENTS[n % DEPLOYMENTS.length]);
		if (n % 25 == 0) {
			base.put("CDotPlanType__c", "duo_pro");
		}
		charges.add(charge("GC" + n + "-1", "Seats " + n, "Annual", 29.0 + n % 70, base));
		Map<String, Object> usage = chargeFields("Not Applicable", DEPLOYMENTS[n % DEPLOYMENTS.length]);
		usage.put("CDotPlanType__c", "ci_minutes");
		charges.add(charge("GC" + n + "-2", "CI minutes " + n, "Month", 10.0, usage));
		Map<String, Object> storage = chargeFields("Not Applicable", DEPLOYMENTS[n % DEPLOYMENTS.length]);
		storage.put("CDotPlanType__c", "storage");
		charges.add(charge("GC" + n + "-3", "Storage " + n, "Annual", 60.0, storage));
		Map<String, Object> onboarding = chargeFields("Not Applicable", "Not Applicable");
		onboarding.put("CDotPlanType__c", "professional_services");
		charges.add(charge("GC" + n + "-4", "Onboarding " + n, "Annual", 500.0, onboarding));
		return ratePlan("GRP" + n, "Generated plan " + n, fields, charges);
	}

}

package io.cdottrials.testsupport;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.cdottrials.cdot.catalog.Deployment;
import io.cdottrials.cdot.catalog.Plan;
import io.cdottrials.cdot.catalog.PlanCatalog;
import io.cdottrials.cdot.catalog.PlanType;
import io.cdottrials.cdot.catalog.Tier;

/**
 * A small in-memory catalog of realistic plans, standing in for the catalog module in
 * tests of the modules that only read it.
 */
public final class FixturePlans implements PlanCatalog {

	public static final Plan COM_PREMIUM = base("2c92a00d76f0d5060176f2fb0a5029ff", "Premium - 1 Year", Tier.PREMIUM,
			Deployment.GITLAB_COM, "29.00");

	public static final Plan COM_ULTIMATE = base("2c92a0ff76f0d5250176f2f8c86f305a", "Ultimate - 1 Year", Tier.ULTIMATE,
			Deployment.GITLAB_COM, "99.00");

	public static final Plan COM_SILVER = base("2c92a0fd5a840403015aa6d9ea2c46d6", "Silver Plan - 1 Year", Tier.SILVER,
			Deployment.GITLAB_COM, "19.00");

	public static final Plan COM_GOLD = base("2c92a0fc5a83f01d015aa6db83c45aac", "Gold Plan - 1 Year", Tier.GOLD,
			Deployment.GITLAB_COM, "99.00");

	public static final Plan COM_BRONZE = base("2c92a0ff5a840412015aa3cde86f2ba6", "Bronze Plan - 1 Year", Tier.BRONZE,
			Deployment.GITLAB_COM, "4.00");

	public static final Plan SM_ULTIMATE = base("2c92a0ff76f0d5250176f2f8c86f3079", "Ultimate (Self-Managed) - 1 Year",
			Tier.ULTIMATE, Deployment.SELF_MANAGED, "99.00");

	public static final Plan DUO_PRO = addOn("2c92a0ff8a1c4b29018a3b8e9a7b03c4", "GitLab Duo Pro - 1 Year",
			PlanType.DUO_PRO, "19.00");

	public static final Plan DUO_ENTERPRISE = addOn("8a12a0ff8f1c4b29018f3b8e9a7b0b21",
			"GitLab Duo Enterprise - 1 Year", PlanType.DUO_ENTERPRISE, "39.00");

	public static final Plan DUO_AMAZON_Q = addOn("8a12a0ff9a1c4b29019a3b8e9a7b0c07",
			"GitLab Duo with Amazon Q - 1 Year", PlanType.DUO_AMAZON_Q, "39.00");

	public static final Plan CI_MINUTES = addOn("2c92a0ff6fc4e8de016fd2c0b2a07b33", "1,000 CI Minutes",
			PlanType.CI_MINUTES, "10.00");

	public static final List<Plan> ALL = List.of(COM_PREMIUM, COM_ULTIMATE, COM_SILVER, COM_GOLD, COM_BRONZE,
			SM_ULTIMATE, DUO_PRO, DUO_ENTERPRISE, DUO_AMAZON_Q, CI_MINUTES);

	private final Map<String, Plan> plans = new LinkedHashMap<>();

	public FixturePlans() {
		ALL.forEach((plan) -> this.plans.put(plan.id(), plan));
	}

	@Override
	public Optional<Plan> find(String ratePlanId) {
		return Optional.ofNullable(this.plans.get(ratePlanId));
	}

	@Override
	public Map<String, Plan> findAll(Collection<String> ratePlanIds) {
		Map<String, Plan> found = new LinkedHashMap<>();
		ratePlanIds.forEach((id) -> find(id).ifPresent((plan) -> found.put(id, plan)));
		return found;
	}

	@Override
	public long version() {
		return 1;
	}

	private static Plan base(String id, String name, Tier tier, Deployment deployment, String price) {
		return new Plan(id, name,
				(deployment == Deployment.GITLAB_COM) ? "SaaS - " + tier.zuoraValue()
						: "Self-Managed - " + tier.zuoraValue(),
				null, tier, Set.of(deployment), Set.of(PlanType.BASE_PRODUCT), "Annual",
				new BigDecimal(price).multiply(BigDecimal.valueOf(12)), 1, true, false);
	}

	private static Plan addOn(String id, String name, PlanType type, String price) {
		return new Plan(id, name, name.replace(" - 1 Year", ""), null, Tier.NOT_APPLICABLE,
				Set.of(Deployment.GITLAB_COM), Set.of(type), "Annual",
				new BigDecimal(price).multiply(BigDecimal.valueOf(12)), 1, true, false);
	}

}

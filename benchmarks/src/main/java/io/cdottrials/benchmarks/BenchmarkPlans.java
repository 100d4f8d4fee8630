package io.cdottrials.benchmarks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.cdottrials.cdot.catalog.Deployment;
import io.cdottrials.cdot.catalog.Plan;
import io.cdottrials.cdot.catalog.PlanCatalog;
import io.cdottrials.cdot.catalog.PlanType;
import io.cdottrials.cdot.catalog.Tier;

/**
 * The plans the eligibility load test seeds subscriptions with, served from memory like
 * the real catalog does.
 */
final class BenchmarkPlans implements PlanCatalog {

	static final String PREMIUM = "bench-com-premium";

	static final String ULTIMATE = "bench-com-ultimate";

	static final String SILVER = "bench-com-silver";

	static final String SELF_MANAGED_ULTIMATE = "bench-sm-ultimate";

	static final String DUO_PRO = "bench-duo-pro";

	static final String DUO_ENTERPRISE = "bench-duo-enterprise";

	private final Map<String, Plan> plans = new LinkedHashMap<>();

	BenchmarkPlans() {
		add(PREMIUM, Tier.PREMIUM, Deployment.GITLAB_COM, PlanType.BASE_PRODUCT);
		add(ULTIMATE, Tier.ULTIMATE, Deployment.GITLAB_COM, PlanType.BASE_PRODUCT);
		add(SILVER, Tier.SILVER, Deployment.GITLAB_COM, PlanType.BASE_PRODUCT);
		add(SELF_MANAGED_ULTIMATE, Tier.ULTIMATE, Deployment.SELF_MANAGED, PlanType.BASE_PRODUCT);
		add(DUO_PRO, Tier.NOT_APPLICABLE, Deployment.GITLAB_COM, PlanType.DUO_PRO);
		add(DUO_ENTERPRISE, Tier.NOT_APPLICABLE, Deployment.GITLAB_COM, PlanType.DUO_ENTERPRISE);
	}

	private void add(String id, Tier tier, Deployment deployment, PlanType type) {
		this.plans.put(id,
				new Plan(id, id, id, null, tier, Set.of(deployment), Set.of(type), "Annual", null, 1, true, false));
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

}

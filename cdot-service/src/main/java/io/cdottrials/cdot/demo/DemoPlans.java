package io.cdottrials.cdot.demo;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import io.cdottrials.cdot.catalog.Classification;
import io.cdottrials.cdot.catalog.Deployment;
import io.cdottrials.cdot.catalog.Plan;
import io.cdottrials.cdot.catalog.PlanCatalog;
import io.cdottrials.cdot.catalog.PlanClassifier;
import io.cdottrials.cdot.catalog.PlanType;
import io.cdottrials.cdot.catalog.Tier;

/**
 * Finds the demo catalog's plans by what they are (tier, deployment, plan type), not by
 * id: every plan some classification names is a candidate, the catalog says what it is.
 */
final class DemoPlans {

	private final Collection<Plan> plans;

	private final Set<String> selfService;

	private DemoPlans(Collection<Plan> plans, Set<String> selfService) {
		this.plans = plans;
		this.selfService = selfService;
	}

	static DemoPlans from(PlanClassifier classifier, PlanCatalog catalog) {
		Set<String> ids = new LinkedHashSet<>();
		classifier.names().forEach((name) -> ids.addAll(classifier.resolve(name).ratePlanIds()));
		Set<String> selfService = classifier.find("self_service_gitlab_com_plans")
			.map(Classification::ratePlanIds)
			.orElse(Set.of());
		return new DemoPlans(catalog.findAll(ids).values(), selfService);
	}

	Optional<Plan> gitlabComBase(Tier tier) {
		return best((plan) -> plan.basePlan() && plan.deployedOn(Deployment.GITLAB_COM) && plan.tier() == tier);
	}

	Optional<Plan> addOn(PlanType type) {
		return best((plan) -> !plan.basePlan() && plan.planTypes().contains(type)
				&& plan.deployedOn(Deployment.GITLAB_COM));
	}

	private Optional<Plan> best(Predicate<Plan> wanted) {
		return this.plans.stream()
			.filter((plan) -> !plan.removed())
			.filter(wanted)
			// what a customer would buy on GitLab.com: self-service plans first
			.min(Comparator.comparing((Plan plan) -> !this.selfService.contains(plan.id()))
				.thenComparing((Plan plan) -> !plan.accessible())
				.thenComparing(Plan::id));
	}

}

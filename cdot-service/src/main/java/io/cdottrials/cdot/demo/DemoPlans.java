package io.cdottrials.cdot.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import io.cdottrials.cdot.catalog.Deployment;
import io.cdottrials.cdot.catalog.Plan;
import io.cdottrials.cdot.catalog.PlanCatalog;
import io.cdottrials.cdot.catalog.PlanType;
import io.cdottrials.cdot.catalog.Tier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;

/**
 * Finds the demo catalog's plans by what they are (tier, deployment, plan type), not by
 * id: every {@code id} in the catalog file is a candidate, the catalog says what it is.
 */
final class DemoPlans {

	private final Collection<Plan> plans;

	private DemoPlans(Collection<Plan> plans) {
		this.plans = plans;
	}

	static DemoPlans from(Resource catalogFile, JsonMapper jsonMapper, PlanCatalog catalog) throws IOException {
		Set<String> ids = new LinkedHashSet<>();
		try (InputStream input = catalogFile.getInputStream()) {
			collectIds(jsonMapper.readTree(input), ids);
		}
		return new DemoPlans(catalog.findAll(ids).values());
	}

	Optional<Plan> gitlabComBase(Tier tier) {
		return best((plan) -> plan.basePlan() && plan.deployedOn(Deployment.GITLAB_COM) && plan.tier() == tier);
	}

	Optional<Plan> addOn(PlanType type) {
		return best((plan) -> !plan.basePlan() && plan.planTypes().contains(type));
	}

	private Optional<Plan> best(Predicate<Plan> wanted) {
		return this.plans.stream()
			.filter((plan) -> !plan.removed())
			.filter(wanted)
			.min(Comparator.comparing((Plan plan) -> !plan.accessible()).thenComparing(Plan::id));
	}

	private static void collectIds(JsonNode node, Set<String> ids) {
		if (node.isObject()) {
			node.properties().forEach((entry) -> {
				if ((entry.getKey().equals("id") || entry.getKey().equals("zuora_id")) && entry.getValue().isString()) {
					ids.add(entry.getValue().asString());
				}
				collectIds(entry.getValue(), ids);
			});
		}
		else if (node.isArray()) {
			node.forEach((child) -> collectIds(child, ids));
		}
	}

}

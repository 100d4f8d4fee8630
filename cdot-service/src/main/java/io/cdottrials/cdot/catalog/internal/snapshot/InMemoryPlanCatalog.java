package io.cdottrials.cdot.catalog.internal.snapshot;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.cdottrials.cdot.catalog.Plan;
import io.cdottrials.cdot.catalog.PlanCatalog;

import org.springframework.stereotype.Component;

/**
 * The {@link PlanCatalog} of the snapshot this replica holds: lookups run no query.
 */
@Component
class InMemoryPlanCatalog implements PlanCatalog {

	private final CurrentCatalog currentCatalog;

	InMemoryPlanCatalog(CurrentCatalog currentCatalog) {
		this.currentCatalog = currentCatalog;
	}

	@Override
	public Optional<Plan> find(String ratePlanId) {
		return Optional.ofNullable(this.currentCatalog.current().plans().get(ratePlanId));
	}

	@Override
	public Map<String, Plan> findAll(Collection<String> ratePlanIds) {
		Map<String, Plan> plans = this.currentCatalog.current().plans();
		Map<String, Plan> found = new LinkedHashMap<>();
		for (String id : ratePlanIds) {
			Plan plan = plans.get(id);
			if (plan != null) {
				found.put(id, plan);
			}
		}
		return found;
	}

	@Override
	public long version() {
		return this.currentCatalog.current().version();
	}

}

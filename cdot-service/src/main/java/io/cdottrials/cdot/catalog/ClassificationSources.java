package io.cdottrials.cdot.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cdottrials.cdot.catalog.internal.classification.ClassificationDefinitions;
import io.cdottrials.cdot.catalog.internal.classification.ClassificationFlags;
import io.cdottrials.cdot.catalog.internal.classification.Reconciliation;
import io.cdottrials.cdot.catalog.internal.snapshot.ClassifiedCatalog;
import io.cdottrials.cdot.catalog.internal.snapshot.CurrentCatalog;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Legacy against metadata, per classification, with the plans the two disagree on named;
 * and the flag that picks a classification's source (the admin console). The same report
 * and flags as {@code /api/v1/admin/catalog/reconciliation} and {@code PUT
 * /api/v1/admin/catalog/classifications/{name}/source}.
 */
@Service
public class ClassificationSources {

	private final CurrentCatalog currentCatalog;

	private final ClassificationFlags flags;

	ClassificationSources(CurrentCatalog currentCatalog, ClassificationFlags flags) {
		this.currentCatalog = currentCatalog;
		this.flags = flags;
	}

	/**
	 * Every classification, both sources compared on the catalog version in memory.
	 * @return one comparison per classification, in the order of SPEC section 2
	 */
	public List<Comparison> compare() {
		ClassifiedCatalog snapshot = this.currentCatalog.current();
		List<Comparison> comparisons = new ArrayList<>();
		Reconciliation.of(snapshot, this.flags)
			.classifications()
			.forEach((name, entry) -> comparisons.add(new Comparison(name, entry.source(), entry.agree(),
					plans(entry.onlyLegacy(), snapshot.plans()), plans(entry.onlyMetadata(), snapshot.plans()))));
		return comparisons;
	}

	/**
	 * Picks the source of a classification, for every replica.
	 * @param name a classification name
	 * @param source legacy or metadata
	 * @return {@code false} for an unknown classification, which is left alone
	 */
	public boolean choose(String name, ClassificationSource source) {
		if (!ClassificationDefinitions.names().contains(name)) {
			return false;
		}
		this.flags.choose(name, source);
		return true;
	}

	private static List<PlanName> plans(List<String> ids, Map<String, Plan> plans) {
		return ids.stream().map((id) -> {
			Plan plan = plans.get(id);
			return new PlanName(id, (plan != null) ? plan.productName() + " / " + plan.name() : null);
		}).toList();
	}

	/**
	 * One classification, both sources compared.
	 *
	 * @param name the classification
	 * @param source the source that answers it now
	 * @param agree how many rate plans both name
	 * @param onlyLegacy plans only the legacy constants name
	 * @param onlyMetadata plans only the custom fields name
	 */
	public record Comparison(String name, ClassificationSource source, int agree, List<PlanName> onlyLegacy,
			List<PlanName> onlyMetadata) {

		public boolean agrees() {
			return this.onlyLegacy.isEmpty() && this.onlyMetadata.isEmpty();
		}

	}

	/**
	 * A rate plan named in a comparison.
	 *
	 * @param id its Zuora id
	 * @param name product and plan name, none for an id the catalog does not know
	 */
	public record PlanName(String id, @Nullable String name) {
	}

}

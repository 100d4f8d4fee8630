package io.cdottrials.cdot.catalog.internal.classification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cdottrials.cdot.catalog.ClassificationSource;
import io.cdottrials.cdot.catalog.internal.snapshot.ClassifiedCatalog;

/**
 * Where the legacy constants and the custom fields disagree, per classification, for the
 * catalog version in memory: the rate plan ids only one of them names.
 *
 * @param catalogVersion the catalog version compared
 * @param classifications one entry per classification name
 */
public record Reconciliation(long catalogVersion, Map<String, Entry> classifications) {

	/**
	 * Compares both sources for every classification.
	 * @param snapshot the catalog version in memory
	 * @param flags which source answers each classification now
	 * @return the report
	 */
	public static Reconciliation of(ClassifiedCatalog snapshot, ClassificationFlags flags) {
		Map<String, Entry> entries = new LinkedHashMap<>();
		for (String name : ClassificationDefinitions.names()) {
			Set<String> legacy = snapshot.classification(name, ClassificationSource.LEGACY).orElseThrow().ratePlanIds();
			Set<String> metadata = snapshot.classification(name, ClassificationSource.METADATA)
				.orElseThrow()
				.ratePlanIds();
			List<String> onlyLegacy = legacy.stream().filter((id) -> !metadata.contains(id)).sorted().toList();
			List<String> onlyMetadata = metadata.stream().filter((id) -> !legacy.contains(id)).sorted().toList();
			int agree = (int) legacy.stream().filter(metadata::contains).count();
			entries.put(name, new Entry(flags.sourceOf(name), agree, onlyLegacy, onlyMetadata));
		}
		return new Reconciliation(snapshot.version(), entries);
	}

	/**
	 * One classification compared.
	 *
	 * @param source the source that answers it now
	 * @param agree how many rate plans both name
	 * @param onlyLegacy ids only the constants name
	 * @param onlyMetadata ids only the custom fields name
	 */
	public record Entry(ClassificationSource source, int agree, List<String> onlyLegacy, List<String> onlyMetadata) {

		public int disagree() {
			return this.onlyLegacy.size() + this.onlyMetadata.size();
		}

	}

}

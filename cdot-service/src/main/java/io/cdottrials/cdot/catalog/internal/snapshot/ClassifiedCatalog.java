package io.cdottrials.cdot.catalog.internal.snapshot;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.cdottrials.cdot.catalog.Classification;
import io.cdottrials.cdot.catalog.ClassificationSource;
import io.cdottrials.cdot.catalog.Plan;
import io.cdottrials.cdot.catalog.internal.classification.ClassificationDefinitions;

/**
 * One catalog version as this replica holds it in memory: every plan by Zuora id (removed
 * ones too) and every classification resolved by both sources, so that a lookup is a map
 * access.
 *
 * @param version the catalog version, 0 before the first sync
 * @param plans every plan the catalog knows, by Zuora id
 * @param classifications each classification name's answer by source
 */
public record ClassifiedCatalog(long version, Map<String, Plan> plans,
		Map<String, Map<ClassificationSource, Classification>> classifications) {

	public ClassifiedCatalog {
		plans = Map.copyOf(plans);
		classifications = Map.copyOf(classifications);
	}

	/**
	 * Builds a snapshot, resolving every classification by both sources.
	 * @param version the catalog version
	 * @param plans every plan by Zuora id
	 * @param metadataIds rate plan ids each classification's containment query answered
	 * @param legacyIds rate plan ids each classification's hard-coded constants name
	 * @return the snapshot
	 */
	public static ClassifiedCatalog of(long version, Map<String, Plan> plans, Map<String, List<String>> metadataIds,
			Map<String, Set<String>> legacyIds) {
		Map<String, Map<ClassificationSource, Classification>> classifications = new LinkedHashMap<>();
		for (String name : ClassificationDefinitions.names()) {
			Map<ClassificationSource, Classification> bySource = new EnumMap<>(ClassificationSource.class);
			bySource.put(ClassificationSource.METADATA, Classification.of(name, ClassificationSource.METADATA, version,
					metadataIds.getOrDefault(name, List.of())));
			bySource.put(ClassificationSource.LEGACY, Classification.of(name, ClassificationSource.LEGACY, version,
					legacyIds.getOrDefault(name, Set.of()).stream().sorted().toList()));
			classifications.put(name, Map.copyOf(bySource));
		}
		return new ClassifiedCatalog(version, plans, classifications);
	}

	/**
	 * Before the first sync: version 0, no plans, every metadata classification empty
	 * (the legacy constants still answer).
	 * @param legacyIds rate plan ids each classification's hard-coded constants name
	 * @return the empty snapshot
	 */
	public static ClassifiedCatalog empty(Map<String, Set<String>> legacyIds) {
		return of(0, Map.of(), Map.of(), legacyIds);
	}

	/**
	 * One classification as one source resolved it.
	 * @param name a classification name
	 * @param source which classifier
	 * @return the answer, empty for an unknown name
	 */
	public Optional<Classification> classification(String name, ClassificationSource source) {
		Map<ClassificationSource, Classification> bySource = this.classifications.get(name);
		return (bySource != null) ? Optional.of(bySource.get(source)) : Optional.empty();
	}

}

package io.cdottrials.cdot.catalog.internal.sync.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cdottrials.cdot.catalog.internal.source.record.CatalogRecord;
import io.cdottrials.cdot.catalog.internal.source.FetchedCatalog;
import io.cdottrials.cdot.catalog.internal.sync.store.CatalogChanges.Change;
import io.cdottrials.cdot.catalog.internal.sync.store.CatalogChanges.Kind;
import io.cdottrials.cdot.catalog.internal.sync.store.StoredCatalog.Stored;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Compares a fetched catalog with the stored catalog by Zuora id and field by field. A
 * field that is absent and a field that is {@code null} are the same.
 */
public final class CatalogDiffer {

	private CatalogDiffer() {
	}

	public static CatalogChanges diff(StoredCatalog stored, FetchedCatalog fetched) {
		return new CatalogChanges(diff(stored.products(), fetched.products()),
				diff(stored.ratePlans(), fetched.ratePlans()), diff(stored.charges(), fetched.charges()));
	}

	private static <T extends CatalogRecord> List<Change<T>> diff(Map<String, Stored<T>> stored, List<T> incoming) {
		List<Change<T>> changes = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (T record : incoming) {
			seen.add(record.zuoraId());
			Stored<T> before = stored.get(record.zuoraId());
			if (before == null) {
				changes.add(new Change<>(Kind.ADDED, record, null, Map.of()));
				continue;
			}
			Map<String, CatalogDiff.FieldChange> fields = fields(before.record().comparableFields(),
					record.comparableFields());
			if (before.removed()) {
				changes.add(new Change<>(Kind.RESTORED, record, before.dbId(), fields));
			}
			else if (!fields.isEmpty()) {
				changes.add(new Change<>(Kind.CHANGED, record, before.dbId(), fields));
			}
		}
		stored.values()
			.stream()
			.filter((before) -> !before.removed() && !seen.contains(before.record().zuoraId()))
			.forEach((before) -> changes.add(new Change<>(Kind.REMOVED, before.record(), before.dbId(), Map.of())));
		return changes;
	}

	private static Map<String, CatalogDiff.FieldChange> fields(Map<String, JsonNode> before,
			Map<String, JsonNode> after) {
		Set<String> names = new LinkedHashSet<>(before.keySet());
		names.addAll(after.keySet());
		Map<String, CatalogDiff.FieldChange> changes = new LinkedHashMap<>();
		for (String name : names) {
			JsonNode from = before.getOrDefault(name, JsonNodeFactory.instance.nullNode());
			JsonNode to = after.getOrDefault(name, JsonNodeFactory.instance.nullNode());
			if (!from.equals(to)) {
				changes.put(name, new CatalogDiff.FieldChange(from, to));
			}
		}
		return changes;
	}

}

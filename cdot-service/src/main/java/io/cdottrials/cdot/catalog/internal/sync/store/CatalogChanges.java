package io.cdottrials.cdot.catalog.internal.sync.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.cdottrials.cdot.catalog.internal.source.record.CatalogRecord;
import io.cdottrials.cdot.catalog.internal.source.record.ChargeRecord;
import io.cdottrials.cdot.catalog.internal.source.record.ProductRecord;
import io.cdottrials.cdot.catalog.internal.source.record.RatePlanRecord;
import org.jspecify.annotations.Nullable;

/**
 * What a fetched catalog changes in the stored catalog, record by record: what the writer
 * applies and what the version's diff reports.
 *
 * @param products changed products
 * @param ratePlans changed rate plans
 * @param charges changed charges
 */
public record CatalogChanges(List<Change<ProductRecord>> products, List<Change<RatePlanRecord>> ratePlans,
		List<Change<ChargeRecord>> charges) {

	public boolean isEmpty() {
		return this.products.isEmpty() && this.ratePlans.isEmpty() && this.charges.isEmpty();
	}

	public Map<String, Integer> counts() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("added",
				(int) all().filter((change) -> change.kind() != Kind.CHANGED && change.kind() != Kind.REMOVED).count());
		counts.put("changed", (int) all().filter((change) -> !change.fields().isEmpty()).count());
		counts.put("removed", (int) all().filter((change) -> change.kind() == Kind.REMOVED).count());
		return counts;
	}

	public CatalogDiff diff() {
		List<CatalogDiff.Entry> added = new ArrayList<>();
		List<CatalogDiff.Modification> changed = new ArrayList<>();
		List<CatalogDiff.Entry> removed = new ArrayList<>();
		all().forEach((change) -> {
			CatalogRecord record = change.record();
			String type = type(record);
			switch (change.kind()) {
				case ADDED -> added.add(new CatalogDiff.Entry(type, record.zuoraId(), record.name(), false));
				case RESTORED -> added.add(new CatalogDiff.Entry(type, record.zuoraId(), record.name(), true));
				case REMOVED -> removed.add(new CatalogDiff.Entry(type, record.zuoraId(), record.name(), false));
				case CHANGED -> {
				}
			}
			if (!change.fields().isEmpty()) {
				changed.add(new CatalogDiff.Modification(type, record.zuoraId(), record.name(), change.fields()));
			}
		});
		return new CatalogDiff(added, changed, removed);
	}

	private Stream<Change<? extends CatalogRecord>> all() {
		return Stream.of(this.products, this.ratePlans, this.charges).flatMap(List::stream);
	}

	static String type(CatalogRecord record) {
		if (record instanceof ProductRecord) {
			return "product";
		}
		return (record instanceof RatePlanRecord) ? "rate_plan" : "charge";
	}

	/** How a record changed. */
	enum Kind {

		/** New in the catalog. */
		ADDED,

		/** Back after having been removed, possibly with changed fields. */
		RESTORED,

		/** Fields changed. */
		CHANGED,

		/** Gone from the source: marked removed. */
		REMOVED

	}

	/**
	 * One record's change.
	 *
	 * @param <T> the kind of record
	 * @param kind how it changed
	 * @param record the record as the source has it (as stored, for a removal)
	 * @param dbId its row id, none for an added record
	 * @param fields changed fields with their values before and after
	 */
	record Change<T extends CatalogRecord>(Kind kind, T record, @Nullable Long dbId,
			Map<String, CatalogDiff.FieldChange> fields) {
	}

}

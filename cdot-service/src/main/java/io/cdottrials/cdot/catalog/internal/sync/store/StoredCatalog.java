package io.cdottrials.cdot.catalog.internal.sync.store;

import java.util.Map;

import io.cdottrials.cdot.catalog.internal.source.record.CatalogRecord;
import io.cdottrials.cdot.catalog.internal.source.record.ChargeRecord;
import io.cdottrials.cdot.catalog.internal.source.record.ProductRecord;
import io.cdottrials.cdot.catalog.internal.source.record.RatePlanRecord;

/**
 * The catalog as the database holds it before a sync, removed records included, each by
 * Zuora id.
 *
 * @param products products by Zuora id
 * @param ratePlans rate plans by Zuora id
 * @param charges charges (with tiers) by Zuora id
 */
public record StoredCatalog(Map<String, Stored<ProductRecord>> products, Map<String, Stored<RatePlanRecord>> ratePlans,
		Map<String, Stored<ChargeRecord>> charges) {

	/**
	 * One stored record.
	 *
	 * @param <T> the kind of record
	 * @param dbId its row id
	 * @param record its values
	 * @param removed whether it is marked removed
	 */
	public record Stored<T extends CatalogRecord>(long dbId, T record, boolean removed) {
	}

}

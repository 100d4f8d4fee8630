package io.cdottrials.cdot.catalog.internal.source;

import java.util.List;

import io.cdottrials.cdot.catalog.internal.source.record.ChargeRecord;
import io.cdottrials.cdot.catalog.internal.source.record.ProductRecord;
import io.cdottrials.cdot.catalog.internal.source.record.RatePlanRecord;
import io.cdottrials.cdot.catalog.internal.source.record.ValidationFinding;

/**
 * The whole catalog as one source answered it, flattened: every record names its parent
 * by Zuora id.
 *
 * @param products every product
 * @param ratePlans every rate plan
 * @param charges every charge with its tiers
 * @param findings values outside their field's type
 */
public record FetchedCatalog(List<ProductRecord> products, List<RatePlanRecord> ratePlans, List<ChargeRecord> charges,
		List<ValidationFinding> findings) {

	public int tierCount() {
		return this.charges.stream().mapToInt((charge) -> charge.tiers().size()).sum();
	}

}

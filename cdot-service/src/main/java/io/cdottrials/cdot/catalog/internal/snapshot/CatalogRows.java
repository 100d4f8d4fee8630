package io.cdottrials.cdot.catalog.internal.snapshot;

import java.math.BigDecimal;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The rows of the catalog tables a {@link io.cdottrials.cdot.catalog.Plan} is drawn from.
 */
public final class CatalogRows {

	private CatalogRows() {
	}

	/**
	 * One row of {@code catalog_rate_plan} with its product's name and SKU.
	 *
	 * @param id database id
	 * @param zuoraId Zuora id of the product rate plan
	 * @param name the rate plan's name
	 * @param productName the product's name
	 * @param sku the product's SKU
	 * @param customFields the rate plan's custom fields
	 * @param removed whether the plan has disappeared from Zuora
	 */
	public record RatePlanRow(long id, String zuoraId, String name, String productName, @Nullable String sku,
			Map<String, Object> customFields, boolean removed) {
	}

	/**
	 * One row of {@code catalog_charge}.
	 *
	 * @param id database id
	 * @param ratePlanId database id of its rate plan
	 * @param chargeType Recurring, OneTime or Usage
	 * @param chargeModel FlatFee, PerUnit, Tiered, Volume ...
	 * @param billingPeriod as Zuora names it
	 * @param defaultQuantity Zuora's default quantity
	 * @param customFields the charge's custom fields
	 * @param removed whether the charge has disappeared from Zuora
	 */
	public record ChargeRow(long id, long ratePlanId, @Nullable String chargeType, @Nullable String chargeModel,
			@Nullable String billingPeriod, @Nullable BigDecimal defaultQuantity, Map<String, Object> customFields,
			boolean removed) {

		boolean recurring() {
			return "Recurring".equalsIgnoreCase(this.chargeType);
		}

		boolean oneTime() {
			return "OneTime".equalsIgnoreCase(this.chargeType);
		}

		boolean tieredModel() {
			return this.chargeModel != null
					&& (this.chargeModel.contains("Tiered") || this.chargeModel.contains("Volume"));
		}

		@Nullable String field(String zuoraName) {
			return (this.customFields.get(zuoraName) instanceof String value) ? value : null;
		}

	}

	/**
	 * One USD price tier of a charge ({@code catalog_charge_tier}); a flat or per-unit
	 * price is one tier.
	 *
	 * @param chargeId database id of the charge
	 * @param tier the tier's number, 1 first
	 * @param startingUnit first quantity of the tier
	 * @param price its price
	 */
	public record TierRow(long chargeId, int tier, @Nullable BigDecimal startingUnit, @Nullable BigDecimal price) {
	}

}

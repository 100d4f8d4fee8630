package io.cdottrials.cdot.catalog.internal.source.record;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A Zuora product rate plan charge with its price tiers.
 *
 * @param zuoraId Zuora id
 * @param ratePlanZuoraId Zuora id of its rate plan
 * @param name charge name
 * @param chargeType {@code Recurring}, {@code OneTime} or {@code Usage}
 * @param chargeModel {@code FlatFee}, {@code PerUnit}, {@code Tiered} ...
 * @param uom unit of measure
 * @param billingPeriod as Zuora names it ({@code Month}, {@code Annual} ...)
 * @param defaultQuantity default quantity
 * @param customFields every {@code *__c} field: declared ones normalised, others as they
 * came
 * @param tiers price tiers, one per currency and tier number
 */
public record ChargeRecord(String zuoraId, String ratePlanZuoraId, String name, @Nullable String chargeType,
		@Nullable String chargeModel, @Nullable String uom, @Nullable String billingPeriod,
		@Nullable BigDecimal defaultQuantity, Map<String, JsonNode> customFields,
		List<TierRecord> tiers) implements CatalogRecord {

	@Override
	public Map<String, JsonNode> comparableFields() {
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		fields.put("rate_plan", Values.of(this.ratePlanZuoraId));
		fields.put("name", Values.of(this.name));
		fields.put("charge_type", Values.of(this.chargeType));
		fields.put("charge_model", Values.of(this.chargeModel));
		fields.put("uom", Values.of(this.uom));
		fields.put("billing_period", Values.of(this.billingPeriod));
		fields.put("default_quantity", Values.of(this.defaultQuantity));
		fields.putAll(this.customFields);
		ArrayNode tierValues = JsonNodeFactory.instance.arrayNode();
		this.tiers.forEach((tier) -> tierValues.add(tier.toJson()));
		fields.put("tiers", tierValues);
		return fields;
	}

}

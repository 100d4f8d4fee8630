package io.cdottrials.cdot.catalog.internal.source.record;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A Zuora product.
 *
 * @param zuoraId Zuora id
 * @param name product name
 * @param sku product SKU
 * @param description description
 * @param effectiveStartDate first day the product is effective
 * @param effectiveEndDate last day the product is effective
 * @param customFields every {@code *__c} field as it came
 */
public record ProductRecord(String zuoraId, String name, @Nullable String sku, @Nullable String description,
		@Nullable LocalDate effectiveStartDate, @Nullable LocalDate effectiveEndDate,
		Map<String, JsonNode> customFields) implements CatalogRecord {

	@Override
	public Map<String, JsonNode> comparableFields() {
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		fields.put("name", Values.of(this.name));
		fields.put("sku", Values.of(this.sku));
		fields.put("description", Values.of(this.description));
		fields.put("effective_start_date", Values.of(this.effectiveStartDate));
		fields.put("effective_end_date", Values.of(this.effectiveEndDate));
		fields.putAll(this.customFields);
		return fields;
	}

}

package io.cdottrials.cdot.catalog.internal.source.record;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A Zuora product rate plan.
 *
 * @param zuoraId Zuora id
 * @param productZuoraId Zuora id of its product
 * @param name rate plan name
 * @param description description
 * @param status Zuora's status ({@code Active}, {@code Expired} ...)
 * @param effectiveStartDate first day the plan is effective
 * @param effectiveEndDate last day the plan is effective
 * @param customFields every {@code *__c} field: declared ones normalised, others as they
 * came
 */
public record RatePlanRecord(String zuoraId, String productZuoraId, String name, @Nullable String description,
		@Nullable String status, @Nullable LocalDate effectiveStartDate, @Nullable LocalDate effectiveEndDate,
		Map<String, JsonNode> customFields) implements CatalogRecord {

	@Override
	public Map<String, JsonNode> comparableFields() {
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		fields.put("product", Values.of(this.productZuoraId));
		fields.put("name", Values.of(this.name));
		fields.put("description", Values.of(this.description));
		fields.put("status", Values.of(this.status));
		fields.put("effective_start_date", Values.of(this.effectiveStartDate));
		fields.put("effective_end_date", Values.of(this.effectiveEndDate));
		fields.putAll(this.customFields);
		return fields;
	}

}

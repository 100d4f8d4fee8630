package io.cdottrials.cdot.catalog.internal.source.record;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A value the sync could not accept as its field's type. The record is still synced and
 * the value kept in {@code custom_fields} as it came; the finding is stored with the sync
 * run and counted in a metric.
 *
 * @param recordType {@code product}, {@code rate_plan} or {@code charge}
 * @param zuoraId Zuora id of the record
 * @param field the field's Zuora name
 * @param value the value as it came
 * @param problem what is wrong with it
 */
public record ValidationFinding(@JsonProperty("record_type") String recordType,
		@JsonProperty("zuora_id") String zuoraId, @JsonProperty("field") String field,
		@JsonProperty("value") @Nullable String value, @JsonProperty("problem") String problem) {
}

package io.cdottrials.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * How long a trial type lasts now and, when a change is scheduled, from when it lasts how
 * long.
 *
 * @param durationDays days a trial started now lasts
 * @param nextDurationDays days a trial will last after {@code nextActiveTime}, if a
 * change is scheduled
 * @param nextActiveTime when the next duration takes effect, if a change is scheduled
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TrialTypeDetails(@JsonProperty("duration_days") int durationDays,
		@JsonProperty("next_duration_days") @Nullable Integer nextDurationDays,
		@JsonProperty("next_active_time") @Nullable Instant nextActiveTime) {
}

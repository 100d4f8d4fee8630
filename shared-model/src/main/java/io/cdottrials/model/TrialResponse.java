package io.cdottrials.model;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * CDot's 201 answer to a trial application.
 *
 * @param trial the trial that was recorded
 * @param success always {@code true} on a 201
 */
public record TrialResponse(@JsonProperty("trial") Trial trial, @JsonProperty("success") boolean success) {

	/**
	 * One recorded trial.
	 *
	 * @param id CDot's id of the trial
	 * @param namespaceId the namespace on trial
	 * @param trialType the trial type's JSON name
	 * @param startsOn first day of the trial
	 * @param endsOn first day after the trial
	 * @param durationDays the days the namespace actually gets (an experiment's variant
	 * may differ from the type's configured duration); absent from older answers
	 * @param experiment the experiment the trial was started under, absent outside one
	 * @param variant the experiment's variant the namespace got, absent outside one
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Trial(@JsonProperty("id") long id, @JsonProperty("namespace_id") long namespaceId,
			@JsonProperty("trial_type") String trialType, @JsonProperty("starts_on") LocalDate startsOn,
			@JsonProperty("ends_on") LocalDate endsOn, @JsonProperty("duration_days") @Nullable Integer durationDays,
			@JsonProperty("experiment") @Nullable String experiment,
			@JsonProperty("variant") @Nullable String variant) {

		/**
		 * A trial outside any experiment, without its duration.
		 * @param id CDot's id of the trial
		 * @param namespaceId the namespace on trial
		 * @param trialType the trial type's JSON name
		 * @param startsOn first day of the trial
		 * @param endsOn first day after the trial
		 */
		public Trial(long id, long namespaceId, String trialType, LocalDate startsOn, LocalDate endsOn) {
			this(id, namespaceId, trialType, startsOn, endsOn, null, null, null);
		}

	}

}

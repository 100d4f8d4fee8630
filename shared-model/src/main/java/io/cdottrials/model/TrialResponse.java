package io.cdottrials.model;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

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
	 */
	public record Trial(@JsonProperty("id") long id, @JsonProperty("namespace_id") long namespaceId,
			@JsonProperty("trial_type") String trialType, @JsonProperty("starts_on") LocalDate startsOn,
			@JsonProperty("ends_on") LocalDate endsOn) {
	}

}

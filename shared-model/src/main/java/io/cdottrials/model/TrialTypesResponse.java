package io.cdottrials.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Answer of {@code GET /api/v1/gitlab/namespaces/trials/trial_types}.
 *
 * @param trialTypes details per trial type JSON name
 * @param success always {@code true} on a 200
 */
public record TrialTypesResponse(@JsonProperty("trial_types") Map<String, TrialTypeDetails> trialTypes,
		@JsonProperty("success") boolean success) {
}

package io.cdottrials.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * CDot's answer to an eligibility request: for every requested namespace id (as a string
 * key), the trial types it may start now. Types are JSON names rather than
 * {@link TrialType} constants so that an older client keeps working when CDot adds a
 * type.
 *
 * @param namespaces trial types per namespace id; every requested id is present
 * @param success always {@code true} on a 200
 */
public record EligibilityResponse(@JsonProperty("namespaces") Map<String, List<String>> namespaces,
		@JsonProperty("success") boolean success) {

	public EligibilityResponse(Map<String, List<String>> namespaces) {
		this(namespaces, true);
	}

}

package io.cdottrials.gitlab.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cdottrials.gitlab.client.AnswerState;
import io.cdottrials.gitlab.client.EligibilityAnswer;

/**
 * Answer of {@code /api/v1/trial_eligibility}: per requested namespace id, the trial
 * types it may start and how trustworthy that answer is.
 *
 * @param namespaces answer per namespace id (as a string key); every requested id once
 * @param success {@code true}: a degraded namespace is still an answer
 */
record TrialEligibilityResponse(@JsonProperty("namespaces") Map<String, NamespaceAnswer> namespaces,
		@JsonProperty("success") boolean success) {

	static TrialEligibilityResponse of(EligibilityAnswer answer) {
		Map<String, NamespaceAnswer> namespaces = new LinkedHashMap<>();
		answer.namespaces()
			.forEach((id, eligibility) -> namespaces.put(Long.toString(id),
					new NamespaceAnswer(eligibility.trialTypes(), eligibility.state())));
		return new TrialEligibilityResponse(namespaces, true);
	}

	/**
	 * One namespace's answer.
	 *
	 * @param trialTypes JSON names of the trial types the namespace may start
	 * @param state {@code fresh}, {@code stale} (CDot unreachable, an expired answer) or
	 * {@code degraded} (CDot unreachable and nothing cached: reported eligible for
	 * nothing)
	 */
	record NamespaceAnswer(@JsonProperty("trial_types") List<String> trialTypes,
			@JsonProperty("state") AnswerState state) {
	}

}

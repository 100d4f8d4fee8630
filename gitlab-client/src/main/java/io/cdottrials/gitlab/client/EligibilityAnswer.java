package io.cdottrials.gitlab.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer for a set of namespaces, in the order they were asked for.
 *
 * @param namespaces the answer per namespace id; every requested id is present once
 */
public record EligibilityAnswer(Map<Long, NamespaceEligibility> namespaces) {

	public EligibilityAnswer {
		// the client's own answers are unmodifiable views already: copying 100 entries
		// into a LinkedHashMap was a fifth of a cached lookup's time
		namespaces = (namespaces instanceof OrderedAnswers) ? namespaces
				: Collections.unmodifiableMap(new LinkedHashMap<>(namespaces));
	}

	/**
	 * The answer of one namespace.
	 * @param namespaceId a namespace that was asked for
	 * @return its answer
	 * @throws IllegalArgumentException when the namespace was not asked for
	 */
	public NamespaceEligibility get(long namespaceId) {
		NamespaceEligibility eligibility = this.namespaces.get(namespaceId);
		if (eligibility == null) {
			throw new IllegalArgumentException("Namespace " + namespaceId + " was not asked for");
		}
		return eligibility;
	}

	/**
	 * Whether any namespace's answer is degraded.
	 * @return {@code true} when at least one namespace could not be answered
	 */
	public boolean degraded() {
		return this.namespaces.values().stream().anyMatch((answer) -> answer.state() == AnswerState.DEGRADED);
	}

}

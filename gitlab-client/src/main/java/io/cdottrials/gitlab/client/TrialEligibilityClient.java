package io.cdottrials.gitlab.client;

import java.util.Collection;
import java.util.Set;

import io.cdottrials.model.TrialApplication;
import io.cdottrials.model.TrialResponse;
import io.cdottrials.model.TrialType;

/**
 * GitLab's view of CDot's trial eligibility. Reads never throw because CDot or Redis is
 * down: the answer says, per namespace, whether it is fresh, stale or degraded.
 */
public interface TrialEligibilityClient {

	/**
	 * The trial types each namespace may start.
	 * @param namespaceIds positive namespace ids; duplicates are answered once
	 * @return an answer for every distinct id, in the order asked
	 * @throws IllegalArgumentException for a non-positive id
	 */
	EligibilityAnswer eligibility(Collection<Long> namespaceIds);

	/**
	 * Whether one namespace may start a trial of a type; {@code false} when degraded.
	 * @param namespaceId the namespace
	 * @param type the trial type
	 * @return {@code true} when eligible
	 */
	default boolean namespaceEligible(long namespaceId, TrialType type) {
		return eligibility(Set.of(namespaceId)).get(namespaceId).eligibleFor(type);
	}

	/**
	 * The namespaces among the given ones that may start a trial of a type.
	 * @param namespaceIds the candidates
	 * @param type the trial type
	 * @return the eligible ones, in the order asked
	 */
	Set<Long> eligibleNamespaces(Collection<Long> namespaceIds, TrialType type);

	/**
	 * Asks CDot to start a trial, then drops the namespace's cached answer.
	 * @param namespaceId the namespace
	 * @param application what CDot needs
	 * @return CDot's answer
	 * @throws TrialApplicationRejectedException when CDot answers 400 or 422
	 * @throws CdotUnavailableException when CDot cannot be asked
	 */
	TrialResponse applyTrial(long namespaceId, TrialApplication application);

	/**
	 * Drops cached answers, and makes any fill in flight for them not write its answer.
	 * @param namespaceIds the namespaces
	 * @param source who asked, for the metrics
	 * @throws EligibilityCacheUnavailableException when Redis could not be reached
	 */
	void invalidate(Collection<Long> namespaceIds, InvalidationSource source);

	/**
	 * Drops cached answers on behalf of application code.
	 * @param namespaceIds the namespaces
	 * @throws EligibilityCacheUnavailableException when Redis could not be reached
	 */
	default void invalidate(Collection<Long> namespaceIds) {
		invalidate(namespaceIds, InvalidationSource.API);
	}

}

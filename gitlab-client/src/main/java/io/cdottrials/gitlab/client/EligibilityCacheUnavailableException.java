package io.cdottrials.gitlab.client;

/**
 * Redis could not be reached to drop cached answers. Thrown by
 * {@link TrialEligibilityClient#invalidate} so that a webhook sender retries rather than
 * believing the cache was cleared.
 */
public class EligibilityCacheUnavailableException extends RuntimeException {

	public EligibilityCacheUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}

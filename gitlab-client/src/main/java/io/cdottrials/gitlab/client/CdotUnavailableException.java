package io.cdottrials.gitlab.client;

/**
 * CDot could not be asked (down, timing out, circuit open, or answering with something
 * other than its contract). Only {@link TrialEligibilityClient#applyTrial} throws it:
 * eligibility reads degrade instead.
 */
public class CdotUnavailableException extends RuntimeException {

	public CdotUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}

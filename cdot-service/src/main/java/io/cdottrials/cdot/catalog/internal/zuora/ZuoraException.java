package io.cdottrials.cdot.catalog.internal.zuora;

/**
 * Zuora answered an error or {@code "success": false}, or refused the client credentials.
 * Zuora unreachable is the {@link org.springframework.web.client.RestClient}'s
 * {@link org.springframework.web.client.ResourceAccessException} instead.
 */
public class ZuoraException extends RuntimeException {

	public ZuoraException(String message) {
		super(message);
	}

	public ZuoraException(String message, Throwable cause) {
		super(message, cause);
	}

}

package io.cdottrials.cdot.catalog.internal.source;

/**
 * The catalog could not be read completely (Zuora answered an error or
 * {@code "success": false}, retries ran out, the file is unreadable). The sync that asked
 * fails and leaves the previous catalog in place.
 */
public class CatalogSourceException extends RuntimeException {

	public CatalogSourceException(String message) {
		super(message);
	}

	public CatalogSourceException(String message, Throwable cause) {
		super(message, cause);
	}

}

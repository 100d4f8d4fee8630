package io.cdottrials.gitlab.client;

/**
 * Who asked for cached answers to be dropped; a metric tag.
 */
public enum InvalidationSource {

	/** The Java API, including this client after a trial was applied. */
	API,

	/** CDot's {@code namespace_eligibility_changed} webhook. */
	WEBHOOK,

	/** An operator, through the admin endpoint. */
	ADMIN;

	String tag() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}

package io.cdottrials.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /api/v1/gitlab/namespaces/trials/eligibility}, for lists too long
 * for a query string.
 *
 * @param namespaceIds the namespaces to answer for, at most 1000
 */
public record EligibilityRequest(@JsonProperty("namespace_ids") List<Long> namespaceIds) {

	/** The most namespace ids one request may ask about. */
	public static final int MAX_NAMESPACE_IDS = 1000;

}

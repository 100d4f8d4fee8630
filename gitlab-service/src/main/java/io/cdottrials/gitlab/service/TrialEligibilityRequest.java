package io.cdottrials.gitlab.service;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /api/v1/trial_eligibility}, for lists too long for a query string.
 * Documents the wire shape; the body is read and checked by {@link NamespaceIds}.
 *
 * @param namespaceIds 1 to 1000 positive namespace ids
 */
record TrialEligibilityRequest(@JsonProperty("namespace_ids") List<Long> namespaceIds) {
}

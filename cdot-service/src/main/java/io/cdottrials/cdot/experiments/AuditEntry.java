package io.cdottrials.cdot.experiments;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * One change of an experiment.
 *
 * @param action {@code created} or {@code updated}
 * @param actor who made it: the {@code X-Audit-Actor} header, else the authenticated
 * principal
 * @param definition the experiment as it was after the change
 * @param changedAt when
 */
record AuditEntry(@JsonProperty("action") String action, @JsonProperty("actor") String actor,
		@JsonProperty("definition") JsonNode definition, @JsonProperty("changed_at") Instant changedAt) {
}

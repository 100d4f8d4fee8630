package io.cdottrials.cdot.catalog.internal.sync.trigger;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cdottrials.cdot.catalog.internal.sync.SyncRun;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A catalog sync run as the admin API shows it.
 *
 * @param id run id
 * @param status {@code queued}, {@code running}, {@code succeeded}, {@code failed} or
 * {@code skipped}
 * @param trigger {@code schedule}, {@code admin}, {@code callout} or {@code startup}
 * @param source {@code zuora} or {@code file}
 * @param requestedAt when the run was asked for
 * @param startedAt when it started reading the source
 * @param finishedAt when it ended
 * @param catalogVersion the catalog version in effect after a successful run
 * @param counts {@code products}, {@code rate_plans}, {@code charges}, {@code tiers}
 * read; {@code added}, {@code changed}, {@code removed} records; {@code findings}
 * @param findings validation findings: {@code record_type}, {@code zuora_id},
 * {@code field}, {@code value}, {@code problem}
 * @param error why the run failed or was skipped
 * @param diff what the run changed: {@code added}, {@code changed} (fields with
 * {@code from} and {@code to}), {@code removed}
 */
record SyncRunResponse(@JsonProperty("id") long id, @JsonProperty("status") String status,
		@JsonProperty("trigger") String trigger, @JsonProperty("source") String source,
		@JsonProperty("requested_at") Instant requestedAt, @JsonProperty("started_at") @Nullable Instant startedAt,
		@JsonProperty("finished_at") @Nullable Instant finishedAt,
		@JsonProperty("catalog_version") @Nullable Long catalogVersion, @JsonProperty("counts") JsonNode counts,
		@JsonProperty("findings") JsonNode findings, @JsonProperty("error") @Nullable String error,
		@JsonProperty("diff") JsonNode diff) {

	static SyncRunResponse of(SyncRun run) {
		return new SyncRunResponse(run.id(), run.status(), run.trigger(), run.source(), run.requestedAt(),
				run.startedAt(), run.finishedAt(), run.catalogVersion(), run.counts(), run.findings(), run.error(),
				run.diff());
	}

}

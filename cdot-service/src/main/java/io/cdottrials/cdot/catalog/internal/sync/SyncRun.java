package io.cdottrials.cdot.catalog.internal.sync;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One sync run as recorded in {@code catalog_sync_run}.
 *
 * @param id run id
 * @param status {@code queued}, {@code running}, {@code succeeded}, {@code failed} or
 * {@code skipped} (another sync held the lock)
 * @param trigger what started it ({@link SyncTrigger#value()})
 * @param source {@code zuora} or {@code file}
 * @param requestedAt when it was asked for
 * @param startedAt when it started reading the source
 * @param finishedAt when it ended
 * @param catalogVersion the catalog version in effect after a successful run
 * @param counts records read and records added, changed and removed
 * @param findings validation findings
 * @param error why it failed or was skipped
 * @param diff what the run changed against the previous version, empty when nothing
 */
public record SyncRun(long id, String status, String trigger, String source, Instant requestedAt,
		@Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable Long catalogVersion, JsonNode counts,
		JsonNode findings, @Nullable String error, JsonNode diff) {

	public boolean finished() {
		return this.finishedAt != null;
	}

}

package io.cdottrials.cdot.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cdottrials.cdot.catalog.internal.sync.CatalogSyncService;
import io.cdottrials.cdot.catalog.internal.sync.SyncRun;
import io.cdottrials.cdot.catalog.internal.sync.SyncTrigger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;

/**
 * The catalog sync runs as people read them (the admin console): outcome, duration,
 * counts, validation findings and what each version changed; and an operator's sync. The
 * same runs and service as {@code /api/v1/admin/catalog/syncs}.
 */
@Service
public class CatalogSyncs {

	private final CatalogSyncService syncs;

	CatalogSyncs(CatalogSyncService syncs) {
		this.syncs = syncs;
	}

	/**
	 * The latest runs.
	 * @param limit how many
	 * @return the runs, newest first
	 */
	public List<Run> recent(int limit) {
		return this.syncs.recent(limit).stream().map(CatalogSyncs::run).toList();
	}

	/**
	 * One run.
	 * @param id run id
	 * @return the run, empty for an unknown id
	 */
	public Optional<Run> find(long id) {
		return this.syncs.find(id).map(CatalogSyncs::run);
	}

	/**
	 * Queues a sync, as an operator's {@code POST /api/v1/admin/catalog/syncs} does.
	 * @return the id of the queued run
	 */
	public long start() {
		return this.syncs.request(SyncTrigger.ADMIN);
	}

	private static Run run(SyncRun run) {
		Map<String, Long> counts = new LinkedHashMap<>();
		run.counts().properties().forEach((count) -> counts.put(count.getKey(), count.getValue().asLong()));
		List<Finding> findings = new ArrayList<>();
		run.findings()
			.forEach((finding) -> findings
				.add(new Finding(text(finding, "record_type"), text(finding, "zuora_id"), text(finding, "field"),
						finding.path("value").isNull() ? null : text(finding, "value"), text(finding, "problem"))));
		return new Run(run.id(), run.status(), run.trigger(), run.source(), run.requestedAt(), run.startedAt(),
				run.finishedAt(), run.catalogVersion(), counts, findings, run.error(), diff(run.diff()));
	}

	private static Diff diff(JsonNode diff) {
		List<Change> changes = new ArrayList<>();
		entries(diff, "added", "added", changes);
		for (JsonNode changed : diff.path("changed")) {
			List<FieldChange> fields = new ArrayList<>();
			changed.path("fields")
				.properties()
				.forEach((field) -> fields.add(new FieldChange(field.getKey(), value(field.getValue().path("from")),
						value(field.getValue().path("to")))));
			changes.add(new Change("changed", text(changed, "type"), text(changed, "zuora_id"), text(changed, "name"),
					fields));
		}
		entries(diff, "removed", "removed", changes);
		return new Diff(changes);
	}

	private static void entries(JsonNode diff, String list, String kind, List<Change> changes) {
		for (JsonNode entry : diff.path(list)) {
			String shown = entry.path("restored").asBoolean(false) ? "restored" : kind;
			changes
				.add(new Change(shown, text(entry, "type"), text(entry, "zuora_id"), text(entry, "name"), List.of()));
		}
	}

	private static String text(JsonNode node, String field) {
		return node.path(field).asString("");
	}

	private static String value(JsonNode value) {
		return (value.isMissingNode() || value.isNull()) ? "(none)"
				: value.isString() ? value.asString() : value.toString();
	}

	/**
	 * One sync run.
	 *
	 * @param id run id
	 * @param status {@code queued}, {@code running}, {@code succeeded}, {@code failed} or
	 * {@code skipped}
	 * @param trigger {@code schedule}, {@code admin}, {@code callout} or {@code startup}
	 * @param source {@code zuora} or {@code file}
	 * @param requestedAt when it was asked for
	 * @param startedAt when it started reading the source
	 * @param finishedAt when it ended
	 * @param catalogVersion the catalog version in effect after a successful run
	 * @param counts records read, added, changed and removed, by name
	 * @param findings validation findings
	 * @param error why it failed or was skipped
	 * @param diff what the version it made changed
	 */
	public record Run(long id, String status, String trigger, String source, Instant requestedAt,
			@Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable Long catalogVersion,
			Map<String, Long> counts, List<Finding> findings, @Nullable String error, Diff diff) {

		/**
		 * How long it ran.
		 * @return from start to end, empty while it has not ended
		 */
		public Optional<Duration> duration() {
			return (this.startedAt != null && this.finishedAt != null)
					? Optional.of(Duration.between(this.startedAt, this.finishedAt)) : Optional.empty();
		}

	}

	/**
	 * A value the sync could not accept as its field's type.
	 *
	 * @param recordType {@code product}, {@code rate_plan} or {@code charge}
	 * @param zuoraId Zuora id of the record
	 * @param field the field's Zuora name
	 * @param value the value as it came
	 * @param problem what is wrong with it
	 */
	public record Finding(String recordType, String zuoraId, String field, @Nullable String value, String problem) {
	}

	/**
	 * What one catalog version changed against the one before.
	 *
	 * @param changes added, restored, changed and removed records, in that order
	 */
	public record Diff(List<Change> changes) {
	}

	/**
	 * One record of a diff.
	 *
	 * @param kind {@code added}, {@code restored}, {@code changed} or {@code removed}
	 * @param type {@code product}, {@code rate_plan} or {@code charge}
	 * @param zuoraId its Zuora id
	 * @param name its name
	 * @param fields for a change, each field's values before and after
	 */
	public record Change(String kind, String type, String zuoraId, String name, List<FieldChange> fields) {
	}

	/**
	 * One field's values before and after.
	 *
	 * @param field its name (a custom field by its Zuora name)
	 * @param from the value before
	 * @param to the value after
	 */
	public record FieldChange(String field, String from, String to) {
	}

}

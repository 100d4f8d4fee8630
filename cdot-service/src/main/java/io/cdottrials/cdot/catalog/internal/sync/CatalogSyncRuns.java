package io.cdottrials.cdot.catalog.internal.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cdottrials.cdot.catalog.internal.source.record.ValidationFinding;
import io.cdottrials.cdot.catalog.internal.sync.store.CatalogDiff;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sync runs in {@code catalog_sync_run}: written as a run moves from queued to its
 * outcome, read by the admin API.
 */
@Repository
class CatalogSyncRuns {

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	CatalogSyncRuns(JdbcClient jdbc, JsonMapper jsonMapper) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
	}

	long create(SyncTrigger trigger, String source) {
		return this.jdbc.sql("""
				insert into catalog_sync_run (trigger, source, status) values (:trigger, :source, 'queued')
				returning id""").param("trigger", trigger.value()).param("source", source).query(Long.class).single();
	}

	void markRunning(long id) {
		this.jdbc.sql("update catalog_sync_run set status = 'running', started_at = now() where id = :id")
			.param("id", id)
			.update();
	}

	void markSucceeded(long id, @Nullable Long catalogVersion, Map<String, Integer> counts,
			List<ValidationFinding> findings) {
		this.jdbc.sql("""
				update catalog_sync_run set status = 'succeeded', finished_at = clock_timestamp(),
				  catalog_version = :version, counts = :counts::jsonb, findings = :findings::jsonb
				where id = :id""")
			.param("id", id)
			.param("version", catalogVersion)
			.param("counts", this.jsonMapper.writeValueAsString(counts))
			.param("findings", this.jsonMapper.writeValueAsString(findings))
			.update();
	}

	void markFailed(long id, String error, List<ValidationFinding> findings) {
		finish(id, "failed", error, findings);
	}

	void markSkipped(long id, String reason) {
		finish(id, "skipped", reason, List.of());
	}

	private void finish(long id, String status, String error, List<ValidationFinding> findings) {
		this.jdbc.sql("""
				update catalog_sync_run set status = :status, finished_at = clock_timestamp(), error = :error,
				  findings = :findings::jsonb
				where id = :id""")
			.param("id", id)
			.param("status", status)
			.param("error", error)
			.param("findings", this.jsonMapper.writeValueAsString(findings))
			.update();
	}

	Optional<SyncRun> find(long id) {
		return this.jdbc.sql("""
				select r.*, v.diff from catalog_sync_run r left join catalog_version v on v.sync_run_id = r.id
				where r.id = :id""").param("id", id).query(this::map).optional();
	}

	/**
	 * The latest runs, newest first, each with the diff of the version it made.
	 * @param limit how many
	 * @return the runs
	 */
	List<SyncRun> recent(int limit) {
		return this.jdbc.sql("""
				select r.*, v.diff from catalog_sync_run r left join catalog_version v on v.sync_run_id = r.id
				order by r.id desc limit :limit""").param("limit", limit).query(this::map).list();
	}

	/**
	 * Age of the last successful run by the database's clock.
	 * @return seconds since it finished, empty before the first
	 */
	Optional<Double> secondsSinceLastSuccess() {
		return this.jdbc.sql("""
				select extract(epoch from clock_timestamp() - max(finished_at))::float8
				from catalog_sync_run where status = 'succeeded'""")
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, Double.class)))
			.single();
	}

	Optional<Integer> findingsOfLastSuccess() {
		return this.jdbc.sql("""
				select jsonb_array_length(findings) from catalog_sync_run
				where status = 'succeeded' order by finished_at desc limit 1""").query(Integer.class).optional();
	}

	private SyncRun map(ResultSet rs, int row) throws SQLException {
		String diff = rs.getString("diff");
		Instant requestedAt = instant(rs, "requested_at");
		return new SyncRun(rs.getLong("id"), rs.getString("status"), rs.getString("trigger"), rs.getString("source"),
				(requestedAt != null) ? requestedAt : Instant.EPOCH, instant(rs, "started_at"),
				instant(rs, "finished_at"), rs.getObject("catalog_version", Long.class),
				this.jsonMapper.readTree(rs.getString("counts")), this.jsonMapper.readTree(rs.getString("findings")),
				rs.getString("error"), this.jsonMapper.readTree((diff != null) ? diff : CatalogDiff.EMPTY_JSON));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}

package io.cdottrials.cdot.catalog.internal.sync;

import java.util.Optional;

import io.cdottrials.cdot.catalog.CatalogSynced;
import io.cdottrials.cdot.catalog.internal.sync.store.CatalogDiff;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalog versions in {@code catalog_version}. {@link #current()} is one indexed
 * query, cheap enough to poll: a replica that did not run the sync (and so did not
 * receive {@link CatalogSynced}) learns of a new version this way.
 */
@Component
public class CatalogVersions {

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	public CatalogVersions(JdbcClient jdbc, JsonMapper jsonMapper) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * The current catalog version.
	 * @return the highest committed version, 0 before the first successful sync
	 */
	public long current() {
		return this.jdbc.sql("select coalesce(max(version), 0) from catalog_version").query(Long.class).single();
	}

	/**
	 * What one version changed against the one before it.
	 * @param version a catalog version
	 * @return its diff ({@code added}, {@code changed}, {@code removed}), empty for an
	 * unknown version
	 */
	public Optional<JsonNode> diff(long version) {
		return this.jdbc.sql("select diff from catalog_version where version = :version")
			.param("version", version)
			.query(String.class)
			.optional()
			.map(this.jsonMapper::readTree);
	}

	void insert(long version, long syncRunId, CatalogDiff diff) {
		this.jdbc.sql("""
				insert into catalog_version (version, sync_run_id, diff) values (:version, :run, :diff::jsonb)""")
			.param("version", version)
			.param("run", syncRunId)
			.param("diff", this.jsonMapper.writeValueAsString(diff))
			.update();
	}

}

package io.cdottrials.cdot.catalog.internal.sync;

import java.util.LinkedHashMap;
import java.util.Map;

import io.cdottrials.cdot.catalog.CatalogSynced;
import io.cdottrials.cdot.catalog.internal.source.FetchedCatalog;
import io.cdottrials.cdot.catalog.internal.sync.store.CatalogChanges;
import io.cdottrials.cdot.catalog.internal.sync.store.CatalogDiffer;
import io.cdottrials.cdot.catalog.internal.sync.store.CatalogWriter;
import io.cdottrials.cdot.catalog.internal.sync.store.StoredCatalog;
import io.cdottrials.cdot.catalog.internal.sync.store.StoredCatalogReader;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one complete fetched catalog in one transaction: the changed records, the new
 * catalog version with its diff, the run's outcome and {@link CatalogSynced} (through the
 * outbox) commit together or not at all. A fetched catalog that changes nothing makes no
 * new version: the run succeeds and reports the version already in effect.
 */
@Component
class CatalogSyncTransaction {

	private final StoredCatalogReader reader;

	private final CatalogWriter writer;

	private final CatalogVersions versions;

	private final CatalogSyncRuns runs;

	private final ApplicationEventPublisher events;

	CatalogSyncTransaction(StoredCatalogReader reader, CatalogWriter writer, CatalogVersions versions,
			CatalogSyncRuns runs, ApplicationEventPublisher events) {
		this.reader = reader;
		this.writer = writer;
		this.versions = versions;
		this.runs = runs;
		this.events = events;
	}

	@Transactional
	public Applied apply(long runId, FetchedCatalog fetched) {
		long previous = this.versions.current();
		StoredCatalog stored = this.reader.read();
		CatalogChanges changes = CatalogDiffer.diff(stored, fetched);
		Long version = (previous > 0) ? previous : null;
		if (!changes.isEmpty()) {
			version = previous + 1;
			this.writer.write(changes, stored, version);
			this.versions.insert(version, runId, changes.diff());
			this.events.publishEvent(new CatalogSynced(version, runId));
		}
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("products", fetched.products().size());
		counts.put("rate_plans", fetched.ratePlans().size());
		counts.put("charges", fetched.charges().size());
		counts.put("tiers", fetched.tierCount());
		counts.putAll(changes.counts());
		counts.put("findings", fetched.findings().size());
		this.runs.markSucceeded(runId, version, counts, fetched.findings());
		return new Applied(version, !changes.isEmpty());
	}

	/**
	 * The outcome of a successful sync.
	 *
	 * @param version the catalog version in effect, none when the catalog is still empty
	 * @param newVersion whether the sync made a new version
	 */
	record Applied(@Nullable Long version, boolean newVersion) {
	}

}

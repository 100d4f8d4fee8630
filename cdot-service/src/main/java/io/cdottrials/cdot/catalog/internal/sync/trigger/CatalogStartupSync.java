package io.cdottrials.cdot.catalog.internal.sync.trigger;

import io.cdottrials.cdot.catalog.internal.source.CatalogSource;
import io.cdottrials.cdot.catalog.internal.sync.CatalogSyncProperties;
import io.cdottrials.cdot.catalog.internal.sync.CatalogSyncService;
import io.cdottrials.cdot.catalog.internal.sync.CatalogVersions;
import io.cdottrials.cdot.catalog.internal.sync.SyncTrigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Syncs at start-up when the catalog is empty ({@code cdot.catalog.sync-on-startup}), so
 * that a fresh local run serves the demo catalog and a fresh deployment does not wait for
 * the daily schedule. The file source syncs before the service reports itself ready; the
 * Zuora source syncs in the background, since Zuora may be slow or retrying.
 */
@Component
class CatalogStartupSync {

	private static final Logger logger = LoggerFactory.getLogger(CatalogStartupSync.class);

	private final CatalogSyncService syncs;

	private final CatalogVersions versions;

	private final CatalogSource source;

	private final boolean enabled;

	CatalogStartupSync(CatalogSyncService syncs, CatalogVersions versions, CatalogSource source,
			CatalogSyncProperties properties) {
		this.syncs = syncs;
		this.versions = versions;
		this.source = source;
		this.enabled = properties.syncOnStartup();
	}

	@EventListener(ApplicationReadyEvent.class)
	void syncIfEmpty() {
		if (!this.enabled || this.versions.current() > 0) {
			return;
		}
		logger.info("The catalog is empty; syncing from the {} source", this.source.name());
		if ("file".equals(this.source.name())) {
			this.syncs.syncNow(SyncTrigger.STARTUP);
		}
		else {
			this.syncs.request(SyncTrigger.STARTUP);
		}
	}

}

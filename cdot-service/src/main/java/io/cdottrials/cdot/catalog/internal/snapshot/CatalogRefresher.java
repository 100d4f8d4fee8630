package io.cdottrials.cdot.catalog.internal.snapshot;

import io.cdottrials.cdot.catalog.CatalogLoaded;
import io.cdottrials.cdot.catalog.CatalogSynced;
import io.cdottrials.cdot.catalog.internal.sync.CatalogVersions;
import io.cdottrials.cdot.catalog.internal.classification.LegacyPlanClassifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the in-memory catalog on the newest version without a restart: at once when this
 * replica's sync commits ({@link CatalogSynced}), and by a cheap periodic check of
 * {@code max(version)} so that every replica picks up a version another one synced.
 */
@Component
public class CatalogRefresher {

	private static final Logger logger = LoggerFactory.getLogger(CatalogRefresher.class);

	private final ClassifiedCatalogRepository repository;

	private final CatalogVersions versions;

	private final CurrentCatalog currentCatalog;

	private final MeterRegistry meterRegistry;

	private final ApplicationEventPublisher events;

	CatalogRefresher(ClassifiedCatalogRepository repository, CatalogVersions versions, CurrentCatalog currentCatalog,
			MeterRegistry meterRegistry, ApplicationEventPublisher events) {
		this.repository = repository;
		this.versions = versions;
		this.currentCatalog = currentCatalog;
		this.meterRegistry = meterRegistry;
		this.events = events;
	}

	private volatile boolean closing;

	@EventListener
	void on(ContextClosedEvent event) {
		// no new version checks while the application shuts down and its database may be
		// gone
		this.closing = true;
	}

	@ApplicationModuleListener
	void on(CatalogSynced event) {
		// always reload: a sync is rare, and the periodic check may have raced us to it
		refresh("event");
	}

	/**
	 * Reloads when the database holds another version than the one in memory; runs every
	 * {@code cdot.catalog.refresh-interval}.
	 */
	public void refreshIfStale() {
		if (this.closing) {
			return;
		}
		try {
			if (this.versions.current() != this.currentCatalog.current().version()) {
				refresh("poll");
			}
		}
		catch (RuntimeException ex) {
			// the replica keeps answering from the version it holds; the next check
			// retries
			logger.warn("Could not check the catalog version", ex);
		}
	}

	private synchronized void refresh(String trigger) {
		long held = this.currentCatalog.current().version();
		Timer.Sample sample = Timer.start(this.meterRegistry);
		String outcome = "success";
		try {
			ClassifiedCatalog loaded = this.repository.load(LegacyPlanClassifier.byClassification());
			if (loaded.version() != held) {
				this.currentCatalog.replace(loaded);
				logger.info("Catalog version {} loaded ({} plans) on {}", loaded.version(), loaded.plans().size(),
						trigger);
				this.events.publishEvent(new CatalogLoaded(loaded.version()));
			}
		}
		catch (RuntimeException ex) {
			outcome = "failure";
			throw ex;
		}
		finally {
			sample.stop(Timer.builder("cdot.catalog.classification.refresh")
				.description("Time to load a catalog version and resolve every classification")
				.tag("trigger", trigger)
				.tag("outcome", outcome)
				.register(this.meterRegistry));
		}
	}

}

package io.cdottrials.cdot.catalog.internal;

import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The catalog version this replica answers from. Replaced whole by
 * {@link CatalogRefresher}; read without locks or queries by every lookup.
 */
@Component
public class CatalogSnapshots {

	private final AtomicReference<CatalogSnapshot> current = new AtomicReference<>(
			CatalogSnapshot.empty(LegacyPlanClassifier.byClassification()));

	public CatalogSnapshots(MeterRegistry meterRegistry) {
		Gauge.builder("cdot.catalog.classification.version", this, (snapshots) -> snapshots.current().version())
			.description("Catalog version this replica holds in memory and classifies from")
			.register(meterRegistry);
	}

	public CatalogSnapshot current() {
		return this.current.get();
	}

	/**
	 * Puts a newly loaded version in place; only {@link CatalogRefresher} (and
	 * benchmarks) call it.
	 * @param snapshot the new version
	 */
	public void replace(CatalogSnapshot snapshot) {
		this.current.set(snapshot);
	}

}

package io.cdottrials.cdot.catalog.internal.snapshot;

import java.util.concurrent.atomic.AtomicReference;

import io.cdottrials.cdot.catalog.internal.classification.LegacyPlanClassifier;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The catalog version this replica answers from, with its classifications resolved.
 * Replaced whole by {@link CatalogRefresher}; read without locks or queries by every
 * lookup.
 */
@Component
public class CurrentCatalog {

	private final AtomicReference<ClassifiedCatalog> current = new AtomicReference<>(
			ClassifiedCatalog.empty(LegacyPlanClassifier.byClassification()));

	public CurrentCatalog(MeterRegistry meterRegistry) {
		Gauge
			.builder("cdot.catalog.classification.version", this,
					(currentCatalog) -> currentCatalog.current().version())
			.description("Catalog version this replica holds in memory and classifies from")
			.register(meterRegistry);
	}

	public ClassifiedCatalog current() {
		return this.current.get();
	}

	/**
	 * Puts a newly loaded version in place; only {@link CatalogRefresher} (and
	 * benchmarks) call it.
	 * @param snapshot the new version
	 */
	public void replace(ClassifiedCatalog snapshot) {
		this.current.set(snapshot);
	}

}

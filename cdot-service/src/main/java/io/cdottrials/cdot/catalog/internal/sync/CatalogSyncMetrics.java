package io.cdottrials.cdot.catalog.internal.sync;

import java.time.Duration;
import java.util.List;

import io.cdottrials.cdot.catalog.internal.source.record.ValidationFinding;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sync metrics. The two gauges read PostgreSQL when scraped, so every replica reports the
 * same catalog version and age whichever replica ran the sync.
 * <ul>
 * <li>{@code cdot_catalog_sync_runs_total{outcome, trigger}}: finished runs</li>
 * <li>{@code cdot_catalog_sync_duration_seconds{outcome, trigger}}: how long runs
 * took</li>
 * <li>{@code cdot_catalog_sync_last_success_age_seconds}: time since the last successful
 * run (NaN before the first)</li>
 * <li>{@code cdot_catalog_sync_findings_total{field}}: validation findings</li>
 * <li>{@code cdot_catalog_sync_last_success_findings}: validation findings of the last
 * successful run (NaN before the first)</li>
 * <li>{@code cdot_catalog_version}: the current catalog version</li>
 * </ul>
 * Every outcome of every trigger is registered at zero from the start: a counter that
 * appears with its first failure at 1 has no earlier sample, so {@code increase()} sees
 * no increase and the failed-sync alert would miss it.
 */
@Component
class CatalogSyncMetrics {

	private static final Logger logger = LoggerFactory.getLogger(CatalogSyncMetrics.class);

	static final List<String> OUTCOMES = List.of("succeeded", "failed");

	private final MeterRegistry registry;

	CatalogSyncMetrics(MeterRegistry registry, CatalogVersions versions, CatalogSyncRuns runs) {
		this.registry = registry;
		Gauge.builder("cdot.catalog.sync.last.success.age", runs, CatalogSyncMetrics::secondsSinceLastSuccess)
			.description("Seconds since the last successful catalog sync")
			.baseUnit("seconds")
			.register(registry);
		// a gauge, not the findings counter: a counter born with the first findings of a
		// process is invisible to increase(), and a restart starts it again
		Gauge.builder("cdot.catalog.sync.last.success.findings", runs, CatalogSyncMetrics::findingsOfLastSuccess)
			.description("Validation findings of the last successful catalog sync")
			.register(registry);
		Gauge.builder("cdot.catalog.version", versions, CatalogSyncMetrics::currentVersion)
			.description("The current catalog version")
			.register(registry);
		for (SyncTrigger trigger : SyncTrigger.values()) {
			for (String outcome : OUTCOMES) {
				runs(trigger, outcome);
			}
		}
	}

	void recordRun(SyncTrigger trigger, String outcome, Duration duration) {
		runs(trigger, outcome).increment();
		Timer.builder("cdot.catalog.sync.duration")
			.description("How long catalog sync runs took")
			.tag("outcome", outcome)
			.tag("trigger", trigger.value())
			.register(this.registry)
			.record(duration);
	}

	private Counter runs(SyncTrigger trigger, String outcome) {
		return Counter.builder("cdot.catalog.sync.runs")
			.description("Finished catalog sync runs")
			.tag("outcome", outcome)
			.tag("trigger", trigger.value())
			.register(this.registry);
	}

	void recordFindings(List<ValidationFinding> findings) {
		findings.forEach((finding) -> Counter.builder("cdot.catalog.sync.findings")
			.description("Catalog values outside their field's type, by field")
			.tag("field", finding.field())
			.register(this.registry)
			.increment());
	}

	private static double secondsSinceLastSuccess(CatalogSyncRuns runs) {
		try {
			return runs.secondsSinceLastSuccess().orElse(Double.NaN);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read the last successful sync", ex);
			return Double.NaN;
		}
	}

	private static double findingsOfLastSuccess(CatalogSyncRuns runs) {
		try {
			return runs.findingsOfLastSuccess().map(Integer::doubleValue).orElse(Double.NaN);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read the findings of the last successful sync", ex);
			return Double.NaN;
		}
	}

	private static double currentVersion(CatalogVersions versions) {
		try {
			return versions.current();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read the catalog version", ex);
			return Double.NaN;
		}
	}

}

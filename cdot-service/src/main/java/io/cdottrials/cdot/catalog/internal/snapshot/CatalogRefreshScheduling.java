package io.cdottrials.cdot.catalog.internal.snapshot;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Schedules the periodic version check every {@code cdot.catalog.refresh-interval},
 * starting at once so that a replica loads the catalog as it comes up.
 */
@Configuration(proxyBeanMethods = false)
class CatalogRefreshScheduling implements SchedulingConfigurer {

	private final CatalogRefresher refresher;

	private final CatalogReadProperties properties;

	CatalogRefreshScheduling(CatalogRefresher refresher, CatalogReadProperties properties) {
		this.refresher = refresher;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.refresher::refreshIfStale, this.properties.refreshInterval());
	}

}

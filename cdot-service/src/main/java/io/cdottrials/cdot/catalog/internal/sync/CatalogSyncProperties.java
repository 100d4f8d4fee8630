package io.cdottrials.cdot.catalog.internal.sync;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the catalog is synced.
 *
 * @param syncCron the daily sync, a Spring cron expression in UTC ({@code -} turns the
 * schedule off)
 * @param calloutDebounce quiet time after Zuora's last change callout before the one sync
 * the burst causes
 * @param syncOnStartup whether a service whose catalog is empty syncs at start-up
 */
@ConfigurationProperties("cdot.catalog")
public record CatalogSyncProperties(@DefaultValue("0 0 3 * * *") String syncCron,
		@DefaultValue("30s") Duration calloutDebounce, @DefaultValue("true") boolean syncOnStartup) {
}

package io.cdottrials.cdot.catalog.internal.snapshot;

import java.time.Duration;

import io.cdottrials.cdot.catalog.ClassificationSource;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this replica keeps its in-memory catalog and classification flags current.
 *
 * @param refreshInterval how often to check {@code max(version)} of
 * {@code catalog_version} and reload when another replica synced a newer version
 * @param flagCacheTtl how long a classification's legacy/metadata flag is cached before
 * it is read from the {@code togglz} table again
 * @param defaultClassificationSource the source of a classification whose flag was never
 * set
 */
@ConfigurationProperties("cdot.catalog")
public record CatalogReadProperties(@DefaultValue("5s") Duration refreshInterval,
		@DefaultValue("5s") Duration flagCacheTtl,
		@DefaultValue("metadata") ClassificationSource defaultClassificationSource) {
}

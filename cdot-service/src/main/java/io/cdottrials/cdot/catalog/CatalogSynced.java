package io.cdottrials.cdot.catalog;

/**
 * A sync committed a new catalog version.
 *
 * @param version the new catalog version
 * @param syncRunId the sync run that produced it
 */
public record CatalogSynced(long version, long syncRunId) {
}

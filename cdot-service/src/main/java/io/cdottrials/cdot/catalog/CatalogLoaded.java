package io.cdottrials.cdot.catalog;

/**
 * This replica now answers from a new catalog version: {@link PlanCatalog} and
 * {@link PlanClassifier} hold it in memory. Unlike {@link CatalogSynced}, which says a
 * sync committed somewhere, this one is local to the JVM and comes after the load.
 *
 * @param version the catalog version now served
 */
public record CatalogLoaded(long version) {
}

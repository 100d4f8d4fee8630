/**
 * Catalog sync runs: one at a time across replicas, each applying a complete fetched
 * catalog in one transaction as a new catalog version with its diff. What starts a run is
 * in {@code trigger}, the stored records in {@code store}. Owned by Provision.
 */
@NullMarked
package io.cdottrials.cdot.catalog.internal.sync;

import org.jspecify.annotations.NullMarked;

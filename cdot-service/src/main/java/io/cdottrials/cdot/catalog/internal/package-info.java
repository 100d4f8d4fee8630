/**
 * Catalog internals, one sub-package per job: {@code sync} and {@code source} (reading
 * and storing Zuora's catalog), {@code zuora} (the REST transport), {@code snapshot} (the
 * version held in memory), {@code classification} and {@code backfill}. Owned by
 * Provision.
 */
@NullMarked
package io.cdottrials.cdot.catalog.internal;

import org.jspecify.annotations.NullMarked;

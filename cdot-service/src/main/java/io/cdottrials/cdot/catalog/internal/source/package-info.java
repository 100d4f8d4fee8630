/**
 * Where the catalog comes from: Zuora's REST API or a file in the same JSON shape, read
 * into a {@link io.cdottrials.cdot.catalog.internal.source.FetchedCatalog}. Owned by
 * Provision.
 */
@NullMarked
package io.cdottrials.cdot.catalog.internal.source;

import org.jspecify.annotations.NullMarked;

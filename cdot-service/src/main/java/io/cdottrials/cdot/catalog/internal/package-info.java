/**
 * Catalog internals: sync, storage, classification and the plan values held in memory.
 * Owned by Provision.
 */
@NullMarked
package io.cdottrials.cdot.catalog.internal;

import org.jspecify.annotations.NullMarked;

/**
 * The stored catalog records: reading them, diffing them against a fetched catalog and
 * writing the changes. Owned by Provision.
 */
@NullMarked
package io.cdottrials.cdot.catalog.internal.sync.store;

import org.jspecify.annotations.NullMarked;

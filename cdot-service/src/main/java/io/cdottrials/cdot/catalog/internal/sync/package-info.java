/**
 * Catalog sync: applies a complete fetched catalog of the catalog in one transaction as a
 * new catalog version with its diff, triggered daily, by an operator or by Zuora's
 * callout, one at a time across replicas. Owned by Provision.
 */
@NullMarked
package io.cdottrials.cdot.catalog.internal.sync;

import org.jspecify.annotations.NullMarked;

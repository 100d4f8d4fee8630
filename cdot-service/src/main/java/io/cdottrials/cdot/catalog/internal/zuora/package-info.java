/**
 * The REST transport to Zuora shared by the catalog sync and the backfill: timeouts,
 * OAuth tokens, retries, links and error answers. Owned by Provision.
 */
@NullMarked
package io.cdottrials.cdot.catalog.internal.zuora;

import org.jspecify.annotations.NullMarked;

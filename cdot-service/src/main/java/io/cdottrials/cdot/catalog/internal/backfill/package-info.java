/**
 * The classification backfill: writes the legacy constants' classifications into the rate
 * plans' custom fields in Zuora. Owned by Provision.
 */
@NullMarked
package io.cdottrials.cdot.catalog.internal.backfill;

import org.jspecify.annotations.NullMarked;

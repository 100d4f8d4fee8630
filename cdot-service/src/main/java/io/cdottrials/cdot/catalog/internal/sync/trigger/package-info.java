/**
 * What starts a catalog sync: the daily schedule, the startup sync, the operator's API
 * and Zuora's debounced callout. Owned by Provision.
 */
@NullMarked
package io.cdottrials.cdot.catalog.internal.sync.trigger;

import org.jspecify.annotations.NullMarked;

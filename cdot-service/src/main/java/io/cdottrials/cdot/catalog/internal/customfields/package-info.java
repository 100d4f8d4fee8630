/**
 * The registry of typed Zuora custom fields the sync normalises and the classifications
 * read. Owned by Provision.
 */
@NullMarked
package io.cdottrials.cdot.catalog.internal.customfields;

import org.jspecify.annotations.NullMarked;

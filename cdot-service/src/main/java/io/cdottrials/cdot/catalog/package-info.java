/**
 * Catalog: the local copy of Zuora's product catalog, its custom fields, sync and plan
 * classification. Owned by Provision.
 */
@ApplicationModule(displayName = "Catalog")
@NullMarked
package io.cdottrials.cdot.catalog;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;

/**
 * Plan classifications: their definitions and SQL, the legacy constants, the
 * per-classification source flags, the switching classifier, the reconciliation report
 * and their HTTP APIs. Owned by Provision.
 */
@NullMarked
package io.cdottrials.cdot.catalog.internal.classification;

import org.jspecify.annotations.NullMarked;

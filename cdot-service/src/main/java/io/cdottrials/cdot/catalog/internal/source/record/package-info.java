/**
 * The catalog records read from a source, their values and the validation findings on
 * them. Owned by Provision.
 */
@NullMarked
package io.cdottrials.cdot.catalog.internal.source.record;

import org.jspecify.annotations.NullMarked;

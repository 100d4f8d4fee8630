/**
 * The catalog version this replica answers from: loaded whole into memory with every
 * classification resolved, assembled into plan values, and refreshed when a newer version
 * is committed. Owned by Provision.
 */
@NullMarked
package io.cdottrials.cdot.catalog.internal.snapshot;

import org.jspecify.annotations.NullMarked;

/**
 * Experiments: trial experiments Growth defines and switches at runtime (variants of
 * trial duration, optionally skipping an apply-time rule), a namespace's variant derived
 * from a stable hash. Owned by Growth; changes here need no Provision involvement beyond
 * review.
 */
@ApplicationModule(displayName = "Experiments", allowedDependencies = { "platform" })
@NullMarked
package io.cdottrials.cdot.experiments;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;

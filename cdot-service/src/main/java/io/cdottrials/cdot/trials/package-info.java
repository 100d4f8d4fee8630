/**
 * Trials: applying for a trial, trial durations and the end of trials. Owned by Growth;
 * changes here need no Provision involvement beyond review.
 */
@ApplicationModule(displayName = "Trials",
		allowedDependencies = { "eligibility", "experiments", "analytics", "subscriptions", "catalog", "platform" })
@NullMarked
package io.cdottrials.cdot.trials;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;

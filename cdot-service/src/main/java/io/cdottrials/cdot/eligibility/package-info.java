/**
 * Eligibility: which trial types a namespace may start now, by named rules that explain
 * themselves. Owned by Growth; changes here need no Provision involvement beyond review.
 */
@ApplicationModule(displayName = "Eligibility", allowedDependencies = { "subscriptions", "catalog", "platform" })
@NullMarked
package io.cdottrials.cdot.eligibility;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;

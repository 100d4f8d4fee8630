/**
 * Analytics: Growth's product analytics events (trial applied, rejected, extended, ended,
 * converted), each written to the outbox in the transaction of its change and sent to a
 * Snowplow collector at least once. Owned by Growth; changes here need no Provision
 * involvement beyond review.
 */
@ApplicationModule(displayName = "Analytics", allowedDependencies = {})
@NullMarked
package io.cdottrials.cdot.analytics;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;

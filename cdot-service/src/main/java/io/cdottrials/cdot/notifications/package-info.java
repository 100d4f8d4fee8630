/**
 * Notifications: tells GitLab which namespaces' eligibility may have changed, as signed
 * webhooks delivered at least once from the event publication registry (the outbox).
 * Owned by Growth, with Provision review of the webhook contract.
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = { "subscriptions", "trials", "platform" })
@NullMarked
package io.cdottrials.cdot.notifications;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;

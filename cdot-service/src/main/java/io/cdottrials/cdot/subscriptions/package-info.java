/**
 * Subscriptions: the items of each namespace's subscription and the paid tier they give.
 * Owned by Provision (Fulfillment); changes need their review.
 */
@ApplicationModule(displayName = "Subscriptions", allowedDependencies = { "catalog", "platform" })
@NullMarked
package io.cdottrials.cdot.subscriptions;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;

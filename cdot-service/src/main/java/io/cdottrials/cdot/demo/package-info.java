/**
 * Demo data of the local run (profile {@code local} only): a handful of namespaces in
 * different states, seeded once the catalog is loaded. Owned by Growth.
 */
@ApplicationModule(displayName = "Demo data",
		allowedDependencies = { "catalog", "subscriptions", "trials", "platform" })
@NullMarked
package io.cdottrials.cdot.demo;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;

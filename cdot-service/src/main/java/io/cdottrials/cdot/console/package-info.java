/**
 * Console: server-rendered admin pages for support, Growth and Provision engineers (why a
 * namespace is eligible or not, the catalog, its syncs, classification sources and flags,
 * experiments), behind a browser login of its own. Reads and changes through the other
 * modules' public services only. Owned by Growth, with Provision review of the catalog
 * pages.
 */
@ApplicationModule(displayName = "Console",
		allowedDependencies = { "catalog", "subscriptions", "eligibility", "trials", "experiments", "notifications",
				"platform" })
@NullMarked
package io.cdottrials.cdot.console;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;

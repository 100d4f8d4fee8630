package io.cdottrials.cdot.catalog.internal.sync;

import java.util.Locale;

/**
 * What started a sync run.
 */
public enum SyncTrigger {

	/** The daily schedule ({@code cdot.catalog.sync-cron}). */
	SCHEDULE,

	/** An operator's {@code POST /api/v1/admin/catalog/syncs}. */
	ADMIN,

	/** Zuora's change callout, after the debounce window. */
	CALLOUT,

	/** Start-up of a service whose catalog is empty. */
	STARTUP;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}

package io.cdottrials.cdot.catalog.internal.backfill;

import java.util.Locale;

/**
 * How one rate plan's write of a backfill run went.
 */
public enum BackfillOutcome {

	/** A dry run: the write was planned, not sent. */
	PLANNED,

	/** Zuora accepted the write. */
	UPDATED,

	/** Zuora refused the write or could not be reached. */
	FAILED;

	/**
	 * The outcome as the admin API answers it.
	 * @return {@code planned}, {@code updated} or {@code failed}
	 */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}

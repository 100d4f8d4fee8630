package io.cdottrials.gitlab.client;

import java.util.List;

/**
 * One namespace's cached answer (stored as {@link CachedValueFormat}). Redis keeps the
 * key for the fresh period plus the stale-if-error window; {@code freshUntil} says which
 * of the two it is in, so an expired answer is still there to serve when CDot is down.
 *
 * @param trialTypes wire names of the trial types CDot said the namespace may start
 * @param fetchedAt epoch milliseconds of CDot's answer
 * @param freshUntil epoch milliseconds until which the answer is served as fresh
 */
record CachedEntry(List<String> trialTypes, long fetchedAt, long freshUntil) {

	boolean freshAt(long nowMillis) {
		return nowMillis < this.freshUntil;
	}

}

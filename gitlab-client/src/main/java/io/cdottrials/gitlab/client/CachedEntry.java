package io.cdottrials.gitlab.client;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What is stored under {@code namespaces:eligible_trials:<id>}. Redis keeps the key for
 * the fresh period plus the stale-if-error window; {@code fresh_until} says which of the
 * two it is in, so an expired answer is still there to serve when CDot is down.
 *
 * @param trialTypes JSON names of the trial types CDot said the namespace may start
 * @param fetchedAt epoch milliseconds of CDot's answer
 * @param freshUntil epoch milliseconds until which the answer is served as fresh
 */
record CachedEntry(@JsonProperty("trial_types") List<String> trialTypes, @JsonProperty("fetched_at") long fetchedAt,
		@JsonProperty("fresh_until") long freshUntil) {

	boolean freshAt(Instant now) {
		return now.toEpochMilli() < this.freshUntil;
	}

}

package io.cdottrials.cdot.experiments;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.cdottrials.model.TrialType;
import org.jspecify.annotations.Nullable;

/**
 * A trial experiment: for trials of one type or family started between {@code startsAt}
 * and {@code endsAt}, {@code rolloutPercent} of namespaces are split evenly over the
 * variants; the others get the configured duration.
 *
 * @param key the experiment's key, e.g. {@code ultimate_60_days}
 * @param trialType the trial type's JSON name it covers, or null when it covers a family
 * @param family the trial family's JSON name it covers, or null when it covers a type
 * @param variants the variants, in bucket order
 * @param rolloutPercent share of namespaces in the experiment, 0 to 100
 * @param startsAt when trials start being assigned
 * @param endsAt when assignment stops (a stopped experiment's trials stay recorded)
 * @param updatedAt when it was last changed
 * @param updatedBy who last changed it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Experiment(@JsonProperty("key") String key, @JsonProperty("trial_type") @Nullable String trialType,
		@JsonProperty("family") @Nullable String family, @JsonProperty("variants") List<Variant> variants,
		@JsonProperty("rollout_percent") int rolloutPercent, @JsonProperty("starts_at") Instant startsAt,
		@JsonProperty("ends_at") Instant endsAt, @JsonProperty("updated_at") Instant updatedAt,
		@JsonProperty("updated_by") String updatedBy) {

	/**
	 * Whether trials of a type started at a time fall under this experiment.
	 * @param type the trial type
	 * @param at when the trial starts
	 * @return {@code true} when the type or its family is covered and the time is within
	 * the experiment's window
	 */
	public boolean covers(TrialType type, Instant at) {
		boolean typeMatches = type.wireName().equals(this.trialType) || type.family().wireName().equals(this.family);
		return typeMatches && !at.isBefore(this.startsAt) && at.isBefore(this.endsAt);
	}

	/**
	 * The variant of a namespace, derived from its bucket.
	 * @param namespaceId the namespace
	 * @return the variant, or null when the namespace is outside the rollout
	 */
	public @Nullable Variant variantOf(long namespaceId) {
		int bucket = Buckets.of(this.key, namespaceId);
		int inRollout = this.rolloutPercent * (Buckets.COUNT / 100);
		if (bucket >= inRollout) {
			return null;
		}
		// buckets below the rollout split evenly over the variants, in order
		return this.variants.get((int) ((long) bucket * this.variants.size() / inRollout));
	}

}

package io.cdottrials.cdot.trials;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Trial durations and the trials module's daily jobs.
 *
 * @param durations duration per trial type JSON name, e.g.
 * {@code cdot.trials.durations.gitlab_duo_pro.days=60}; a type not named here lasts its
 * SPEC default (ultimate types 30 days, Duo types 60)
 * @param endSweepCron when the daily sweep for ended trials runs (UTC); {@code -} turns
 * it off
 * @param applicantPurgeCron when the daily purge of applicants' form fields runs (UTC);
 * {@code -} turns it off
 * @param applicantRetention how long the applicant's form fields (personal data) are kept
 * after GitLab sent them; the daily purge deletes older ones
 * @param conversionWindow a paid subscription of the trial's family counts as the trial's
 * conversion while the trial runs and this long after it ended
 */
@ConfigurationProperties("cdot.trials")
public record TrialsProperties(@DefaultValue Map<String, DurationProperties> durations,
		@DefaultValue("0 5 0 * * *") String endSweepCron, @DefaultValue("0 15 0 * * *") String applicantPurgeCron,
		@DefaultValue("90d") Duration applicantRetention, @DefaultValue("30d") Duration conversionWindow) {

	/**
	 * How long one trial type lasts, and an optional scheduled change.
	 *
	 * @param days days a trial started now lasts
	 * @param nextDurationDays days a trial lasts from {@code nextActiveTime} on
	 * @param nextActiveTime when {@code nextDurationDays} takes over
	 */
	public record DurationProperties(@Nullable Integer days, @Nullable Integer nextDurationDays,
			@Nullable Instant nextActiveTime) {
	}

}

package io.cdottrials.cdot.trials;

import java.time.Clock;
import java.time.LocalDate;

import io.cdottrials.cdot.platform.DailyJobs;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The trials module's daily jobs, at the times {@link TrialsProperties} says (UTC), each
 * under its own lock ({@link DailyJobs}). The jobs are called on their beans, not from
 * inside them, so that the sweep's transaction applies.
 */
@Component
class TrialSchedules implements SchedulingConfigurer {

	private final TrialEndSweep sweep;

	private final TrialApplicantPurge purge;

	private final DailyJobs dailyJobs;

	private final TrialsProperties properties;

	private final Clock clock;

	TrialSchedules(TrialEndSweep sweep, TrialApplicantPurge purge, DailyJobs dailyJobs, TrialsProperties properties,
			Clock clock) {
		this.sweep = sweep;
		this.purge = purge;
		this.dailyJobs = dailyJobs;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		this.dailyJobs.register(registrar, this.properties.endSweepCron(), TrialEndSweep.NAME, this::sweepEndedTrials);
		this.dailyJobs.register(registrar, this.properties.applicantPurgeCron(), TrialApplicantPurge.NAME,
				this.purge::purge);
	}

	void sweepEndedTrials() {
		this.sweep.sweep(LocalDate.now(this.clock));
	}

}

package io.cdottrials.cdot.trials;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * The trials module's daily jobs, at the times {@link TrialsProperties} says (UTC). Every
 * replica's scheduler fires; the one that takes the job's lock runs it. The jobs are
 * called on their beans, not from inside them, so that the sweep's transaction applies.
 */
@Component
class TrialSchedules implements SchedulingConfigurer {

	private static final Duration LOCK_AT_MOST_FOR = Duration.ofMinutes(30);

	private final TrialEndSweep sweep;

	private final TrialApplicantPurge purge;

	private final LockingTaskExecutor locks;

	private final TrialsProperties properties;

	private final Clock clock;

	TrialSchedules(TrialEndSweep sweep, TrialApplicantPurge purge, LockingTaskExecutor locks,
			TrialsProperties properties, Clock clock) {
		this.sweep = sweep;
		this.purge = purge;
		this.locks = locks;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		daily(registrar, this.properties.endSweepCron(), TrialEndSweep.NAME, this::sweepEndedTrials);
		daily(registrar, this.properties.applicantPurgeCron(), TrialApplicantPurge.NAME, this.purge::purge);
	}

	void sweepEndedTrials() {
		this.sweep.sweep(LocalDate.now(this.clock));
	}

	private void daily(ScheduledTaskRegistrar registrar, String cron, String lockName, Runnable job) {
		if (Scheduled.CRON_DISABLED.equals(cron)) {
			return;
		}
		Runnable locked = () -> this.locks.executeWithLock(job,
				new LockConfiguration(Instant.now(), lockName, LOCK_AT_MOST_FOR, Duration.ZERO));
		registrar.addCronTask(new CronTask(locked, new CronTrigger(cron, ZoneOffset.UTC)));
	}

}

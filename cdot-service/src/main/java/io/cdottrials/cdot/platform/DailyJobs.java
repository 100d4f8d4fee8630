package io.cdottrials.cdot.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Registers a module's daily jobs at the times its properties say (UTC), each under a
 * cluster-wide lock of its own: every replica's scheduler fires, the one that takes the
 * lock runs the job. Modules call it from their {@code SchedulingConfigurer}, so that a
 * schedule's default is stated once, in the properties record.
 */
@Component
public class DailyJobs {

	private static final Duration LOCK_AT_MOST_FOR = Duration.ofMinutes(30);

	private final LockingTaskExecutor locks;

	public DailyJobs(LockingTaskExecutor locks) {
		this.locks = locks;
	}

	/**
	 * Registers one job.
	 * @param registrar the registrar handed to the module's {@code SchedulingConfigurer}
	 * @param cron when it runs, a Spring cron expression in UTC; {@code -} registers
	 * nothing
	 * @param lockName the lock the replicas share for it
	 * @param job the job, called on its bean so that its proxies (transactions) apply
	 */
	public void register(ScheduledTaskRegistrar registrar, String cron, String lockName, Runnable job) {
		if (Scheduled.CRON_DISABLED.equals(cron)) {
			return;
		}
		Runnable locked = () -> this.locks.executeWithLock(job,
				new LockConfiguration(Instant.now(), lockName, LOCK_AT_MOST_FOR, Duration.ZERO));
		registrar.addCronTask(new CronTask(locked, new CronTrigger(cron, ZoneOffset.UTC)));
	}

}

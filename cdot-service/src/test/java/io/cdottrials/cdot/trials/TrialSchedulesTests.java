package io.cdottrials.cdot.trials;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import io.cdottrials.cdot.platform.DailyJobs;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;

/**
 * The trials module's daily jobs run when {@link TrialsProperties} says, each under its
 * own cluster-wide lock, and on the jobs' beans.
 */
class TrialSchedulesTests {

	private final TrialEndSweep sweep = mock();

	private final TrialApplicantPurge purge = mock();

	private final LockingTaskExecutor locks = mock();

	private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T00:05:00Z"), ZoneOffset.UTC);

	@Test
	void registersBothJobsAtTheirConfiguredTimes() {
		ScheduledTaskRegistrar registrar = configure("0 5 0 * * *", "0 15 0 * * *");

		assertThat(registrar.getCronTaskList()).extracting(CronTask::getExpression)
			.containsExactly("0 5 0 * * *", "0 15 0 * * *");
	}

	@Test
	void aJobConfiguredAsADashIsOff() {
		ScheduledTaskRegistrar registrar = configure("-", "0 15 0 * * *");

		assertThat(registrar.getCronTaskList()).extracting(CronTask::getExpression).containsExactly("0 15 0 * * *");
	}

	@Test
	void eachJobRunsUnderItsOwnLock() {
		willAnswer((invocation) -> {
			invocation.<Runnable>getArgument(0).run();
			return null;
		}).given(this.locks).executeWithLock(any(Runnable.class), any(LockConfiguration.class));
		ScheduledTaskRegistrar registrar = configure("0 5 0 * * *", "0 15 0 * * *");

		registrar.getCronTaskList().forEach((task) -> task.getRunnable().run());

		ArgumentCaptor<LockConfiguration> lockConfigurations = ArgumentCaptor.forClass(LockConfiguration.class);
		then(this.locks).should(org.mockito.Mockito.times(2))
			.executeWithLock(any(Runnable.class), lockConfigurations.capture());
		assertThat(lockConfigurations.getAllValues()).extracting(LockConfiguration::getName)
			.containsExactly(TrialEndSweep.NAME, TrialApplicantPurge.NAME);
		then(this.sweep).should().sweep(LocalDate.of(2026, 3, 1));
		then(this.purge).should().purge();
	}

	private ScheduledTaskRegistrar configure(String endSweepCron, String applicantPurgeCron) {
		TrialsProperties properties = new TrialsProperties(Map.of(), endSweepCron, applicantPurgeCron,
				java.time.Duration.ofDays(90), java.time.Duration.ofDays(30));
		ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
		new TrialSchedules(this.sweep, this.purge, new DailyJobs(this.locks), properties, this.clock)
			.configureTasks(registrar);
		return registrar;
	}

}

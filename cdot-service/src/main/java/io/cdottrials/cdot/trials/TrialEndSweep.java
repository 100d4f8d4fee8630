package io.cdottrials.cdot.trials;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a day (one replica, by ShedLock) finds the trials that ended since the last sweep
 * and publishes {@link TrialEnded} for their namespaces, in the same transaction that
 * moves the sweep's mark: a crash either sweeps a day fully or not at all. A day the
 * service was down is caught up on the next run.
 */
@Component
class TrialEndSweep {

	static final String NAME = "trial-end-sweep";

	/** Namespaces per event, so that one webhook body stays small. */
	static final int BATCH = 1000;

	private static final Logger logger = LoggerFactory.getLogger(TrialEndSweep.class);

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	TrialEndSweep(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	@Scheduled(cron = "${cdot.trials.end-sweep-cron:0 5 0 * * *}", zone = "UTC")
	@SchedulerLock(name = NAME, lockAtMostFor = "PT30M")
	void daily() {
		// sweep()'s @Transactional does not apply to a call from this class: without
		// the transaction, TrialEnded would reach no listener (they run after commit)
		// and the mark would move apart from the events. The lock is taken outside the
		// transaction and released after its commit.
		this.transaction.executeWithoutResult((status) -> sweep(LocalDate.now(this.clock)));
	}

	/**
	 * Publishes the ends of trials whose last day was before {@code today} and after the
	 * previous sweep.
	 * @param today the day of the sweep
	 * @return the namespaces whose trial ended
	 */
	@Transactional
	List<Long> sweep(LocalDate today) {
		LocalDate sweptThrough = this.jdbc.sql("select swept_through from trial_end_sweeps where name = ? for update")
			.param(NAME)
			.query(LocalDate.class)
			.optional()
			.orElse(today.minusDays(1));
		if (!today.isAfter(sweptThrough)) {
			return List.of();
		}
		// a trial ends on its ends_on day (the first day it is no longer active)
		List<Long> ended = this.jdbc
			.sql("select distinct namespace_id from trials where ends_on > ? and ends_on <= ? order by namespace_id")
			.params(Date.valueOf(sweptThrough), Date.valueOf(today))
			.query(Long.class)
			.list();
		for (int from = 0; from < ended.size(); from += BATCH) {
			List<Long> batch = ended.subList(from, Math.min(ended.size(), from + BATCH));
			this.events.publishEvent(new TrialEnded(UUID.randomUUID(), List.copyOf(batch), Instant.now(this.clock)));
		}
		this.jdbc.sql("""
				insert into trial_end_sweeps (name, swept_through) values (?, ?)
				on conflict (name) do update set swept_through = excluded.swept_through""")
			.params(NAME, Date.valueOf(today))
			.update();
		logger.info("Trial-end sweep through {}: {} namespaces", today, ended.size());
		return ended;
	}

}

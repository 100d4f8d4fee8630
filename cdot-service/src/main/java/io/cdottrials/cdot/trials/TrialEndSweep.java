package io.cdottrials.cdot.trials;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cdottrials.cdot.analytics.AnalyticsEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once a day ({@link TrialSchedules}) finds the trials that ended since the last sweep
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

	TrialEndSweep(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
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
		List<EndedTrial> trials = this.jdbc.sql("""
				select namespace_id, trial_type, experiment_key, variant from trials
				where ends_on > ? and ends_on <= ? order by namespace_id, id""")
			.params(Date.valueOf(sweptThrough), Date.valueOf(today))
			.query((rs, row) -> new EndedTrial(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
		List<Long> ended = trials.stream().map(EndedTrial::namespaceId).distinct().toList();
		Instant now = Instant.now(this.clock);
		for (EndedTrial trial : trials) {
			this.events.publishEvent(new AnalyticsEvent(UUID.randomUUID(), AnalyticsEvent.TRIAL_ENDED,
					trial.namespaceId(), trial.trialType(), trial.experiment(), trial.variant(), Map.of(), now));
		}
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

	private record EndedTrial(long namespaceId, String trialType, @Nullable String experiment,
			@Nullable String variant) {
	}

}

package io.cdottrials.cdot.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.cdottrials.cdot.platform.DailyJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Once a day, on one replica (ShedLock), deletes the outbox's completed event
 * publications (through Spring Modulith's {@link CompletedEventPublications}) and the
 * webhook delivery records older than {@code cdot.outbox.retention}. Without it both
 * tables grow by every change forever (docs/scaling.md). Incomplete publications are
 * never deleted, however old: they are deliveries still owed.
 */
@Component
class OutboxPurge implements SchedulingConfigurer {

	static final String NAME = "outbox-purge";

	private static final Logger logger = LoggerFactory.getLogger(OutboxPurge.class);

	private final CompletedEventPublications completed;

	private final JdbcClient jdbc;

	private final DailyJobs dailyJobs;

	private final OutboxProperties properties;

	private final Clock clock;

	OutboxPurge(CompletedEventPublications completed, JdbcClient jdbc, DailyJobs dailyJobs, OutboxProperties properties,
			Clock clock) {
		this.completed = completed;
		this.jdbc = jdbc;
		this.dailyJobs = dailyJobs;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		this.dailyJobs.register(registrar, this.properties.purgeCron(), NAME, this::purge);
	}

	/**
	 * Deletes what completed before the retention period.
	 * @return how many delivery records were deleted
	 */
	int purge() {
		Duration retention = this.properties.retention();
		Instant before = Instant.now(this.clock).minus(retention);
		this.completed.deletePublicationsOlderThan(retention);
		// a record only matters while its event may be redelivered: an incomplete
		// publication older than the retention (a receiver down for two weeks) may then
		// reach a URL twice, which GitLab drops by event_id
		int deliveries = this.jdbc.sql("delete from webhook_deliveries where delivered_at < ?")
			.param(Timestamp.from(before))
			.update();
		logger.info("Outbox purge: deleted the publications completed and {} delivery records made before {}",
				deliveries, before);
		return deliveries;
	}

}

package io.cdottrials.cdot.notifications;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox as operators watch it, read from PostgreSQL when scraped (so every replica
 * reports the same):
 * <ul>
 * <li>{@code cdot_notifications_outbox_backlog}: event publications not completed yet
 * (waiting, in flight or failed)</li>
 * <li>{@code cdot_notifications_outbox_oldest_age_seconds}: how long the oldest of them
 * has waited, 0 when none waits. A backlog can be large and healthy after a burst; an old
 * event means deliveries are stuck.</li>
 * </ul>
 */
@Component
class OutboxMetrics {

	private static final Logger logger = LoggerFactory.getLogger(OutboxMetrics.class);

	OutboxMetrics(MeterRegistry registry, JdbcClient jdbc) {
		Gauge.builder("cdot.notifications.outbox.backlog", jdbc, OutboxMetrics::incomplete)
			.description("Event publications not completed yet")
			.register(registry);
		Gauge.builder("cdot.notifications.outbox.oldest.age", jdbc, OutboxMetrics::oldestAge)
			.description("Seconds the oldest incomplete event publication has waited, 0 when none waits")
			.baseUnit("seconds")
			.register(registry);
	}

	private static double incomplete(JdbcClient jdbc) {
		Long count = jdbc.sql("select count(*) from event_publication where completion_date is null")
			.query(Long.class)
			.single();
		return (count != null) ? count : Double.NaN;
	}

	private static double oldestAge(JdbcClient jdbc) {
		try {
			return jdbc.sql("""
					select coalesce(extract(epoch from clock_timestamp() - min(publication_date)), 0)::float8
					from event_publication where completion_date is null""").query(Double.class).single();
		}
		catch (RuntimeException ex) {
			// NaN, not a failed scrape: the service's other metrics still reach
			// Prometheus
			logger.debug("Could not read the oldest incomplete event publication", ex);
			return Double.NaN;
		}
	}

}

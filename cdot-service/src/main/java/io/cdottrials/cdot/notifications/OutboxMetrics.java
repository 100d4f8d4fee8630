package io.cdottrials.cdot.notifications;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox backlog: event publications not yet completed (waiting, in flight or
 * failed).
 */
@Component
class OutboxMetrics {

	OutboxMetrics(MeterRegistry registry, JdbcClient jdbc) {
		Gauge.builder("cdot.notifications.outbox.backlog", jdbc, OutboxMetrics::incomplete)
			.description("Event publications not completed yet")
			.register(registry);
	}

	private static double incomplete(JdbcClient jdbc) {
		Long count = jdbc.sql("select count(*) from event_publication where completion_date is null")
			.query(Long.class)
			.single();
		return (count != null) ? count : Double.NaN;
	}

}

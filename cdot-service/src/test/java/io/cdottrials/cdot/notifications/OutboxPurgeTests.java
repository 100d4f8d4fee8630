package io.cdottrials.cdot.notifications;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.cdottrials.testsupport.CdotIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily outbox purge on the real PostgreSQL: what completed before the retention
 * period goes, what is newer or still owed stays.
 */
class OutboxPurgeTests extends CdotIntegrationTest {

	private static final String LISTENER = "OutboxPurgeTests.listener";

	@Autowired
	private OutboxPurge purge;

	@Autowired
	private OutboxProperties properties;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void deletesWhatCompletedBeforeTheRetentionAndKeepsWhatIsNewerOrStillOwed() {
		Instant now = Instant.now();
		Instant longAgo = now.minus(this.properties.retention()).minus(Duration.ofDays(1));
		Instant lately = now.minus(Duration.ofHours(1));
		UUID completedLongAgo = publication(longAgo, longAgo, "COMPLETED");
		UUID completedLately = publication(longAgo, lately, "COMPLETED");
		UUID owedSinceLongAgo = publication(longAgo, null, "FAILED");
		UUID oldDelivery = delivery(longAgo);
		UUID recentDelivery = delivery(lately);

		this.purge.purge();

		assertThat(publicationExists(completedLongAgo)).as("completed before the retention").isFalse();
		assertThat(publicationExists(completedLately)).as("completed within the retention").isTrue();
		assertThat(publicationExists(owedSinceLongAgo)).as("never completed").isTrue();
		assertThat(deliveryExists(oldDelivery)).as("delivered before the retention").isFalse();
		assertThat(deliveryExists(recentDelivery)).as("delivered within the retention").isTrue();
	}

	@AfterEach
	void removeWhatIsLeft() {
		// an incomplete publication left behind would count in other tests' backlog
		this.jdbc.sql("delete from event_publication where listener_id = ?").param(LISTENER).update();
	}

	private UUID publication(Instant published, Instant completed, String status) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
				  completion_date, status, completion_attempts)
				values (?, ?, 'java.lang.String', ?, ?, ?, ?, 1)""")
			.params(id, LISTENER, "\"" + id + "\"", Timestamp.from(published),
					(completed != null) ? Timestamp.from(completed) : null, status)
			.update();
		return id;
	}

	private UUID delivery(Instant at) {
		UUID eventId = UUID.randomUUID();
		this.jdbc.sql(
				"insert into webhook_deliveries (event_id, url, delivered_at) values (?, 'http://gitlab.test/hook', ?)")
			.params(eventId, Timestamp.from(at))
			.update();
		return eventId;
	}

	private boolean publicationExists(UUID id) {
		return this.jdbc.sql("select count(*) from event_publication where id = ?")
			.param(id)
			.query(Long.class)
			.single() == 1;
	}

	private boolean deliveryExists(UUID eventId) {
		return this.jdbc.sql("select count(*) from webhook_deliveries where event_id = ?")
			.param(eventId)
			.query(Long.class)
			.single() == 1;
	}

}

package io.cdottrials.cdot.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.cdottrials.model.NamespaceEligibilityChanged;
import io.cdottrials.model.WebhookSignature;
import io.cdottrials.testsupport.CdotIntegrationTest;
import io.cdottrials.testsupport.FixturePlans;
import io.cdottrials.testsupport.WebhookReceiver;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox end to end: changes over real HTTP, webhooks to a real (WireMock) receiver.
 */
class WebhookOutboxTests extends CdotIntegrationTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	private static final String FAILED_DELIVERIES = "cdot_notifications_webhook_deliveries_total{application=\"cdot-service\",outcome=\"failed\"}";

	@Autowired
	private JsonMapper jsonMapper;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MeterRegistry meters;

	@AfterEach
	void receiverUp() {
		WebhookReceiver.up();
	}

	@Test
	void aTrialAndASubscriptionChangeAreDeliveredSigned() {
		long namespaceId = newNamespaceId();
		assertThat(applyTrial(namespaceId, "ultimate_with_dap").getStatusCode()).isEqualTo(HttpStatus.CREATED);
		subscribe(namespaceId,
				List.of(item(FixturePlans.COM_PREMIUM.id(), TODAY.toString(), TODAY.plusYears(1).toString())));

		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			List<Delivery> mine = deliveriesFor(namespaceId);
			assertThat(mine).extracting((delivery) -> delivery.event().reason())
				.containsExactlyInAnyOrder("trial_started", "subscription_changed");
			for (Delivery delivery : mine) {
				assertThat(delivery.event().event()).isEqualTo("namespace_eligibility_changed");
				assertThat(WebhookSignature.verify(WebhookReceiver.SECRET, delivery.signature(), delivery.body(),
						Instant.now(), WebhookSignature.DEFAULT_TOLERANCE))
					.isEqualTo(WebhookSignature.Verdict.VALID);
				assertThat(WebhookSignature.verify("another-secret", delivery.signature(), delivery.body(),
						Instant.now(), WebhookSignature.DEFAULT_TOLERANCE))
					.isEqualTo(WebhookSignature.Verdict.BAD_SIGNATURE);
			}
		});
	}

	@Test
	void eventsWaitInTheOutboxWhileTheReceiverIsDownAndAllArriveWhenItReturns() {
		double failedBefore = scrape(FAILED_DELIVERIES);
		WebhookReceiver.down();
		List<Long> namespaceIds = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			long namespaceId = newNamespaceId();
			namespaceIds.add(namespaceId);
			assertThat(applyTrial(namespaceId, "ultimate_with_dap").getStatusCode()).isEqualTo(HttpStatus.CREATED);
		}

		// every publication fails at least once and stays incomplete, retried meanwhile
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(deliveries(this.jsonMapper))
				.filteredOn((delivery) -> namespaceIds.contains(delivery.event().namespaceIds().get(0)))
				.extracting((delivery) -> delivery.event().namespaceIds().get(0))
				.containsAll(namespaceIds);
			assertThat(incompletePublications()).isGreaterThanOrEqualTo(namespaceIds.size());
		});
		Set<UUID> failedEventIds = eventIds(namespaceIds);
		// what the WebhookDeliveryFailing and OutboxOldestEventAge alerts read
		assertThat(scrape(FAILED_DELIVERIES)).as("a failed attempt per event at least")
			.isGreaterThanOrEqualTo(failedBefore + namespaceIds.size());
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.meters.get("cdot.notifications.outbox.oldest.age").gauge().value())
				.isGreaterThan(0.1));
		assertThat(failedEventIds).hasSize(namespaceIds.size());

		WebhookReceiver.up();
		WebhookReceiver.server().resetRequests();

		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(eventIds(namespaceIds)).as("every event arrives, with the event_id it had before")
				.isEqualTo(failedEventIds);
		});
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.jdbc
				.sql("select count(*) from event_publication where completion_date is null and serialized_event like ?")
				.param("%" + namespaceIds.get(0) + "%")
				.query(Long.class)
				.single()).isZero());
	}

	private Set<UUID> eventIds(List<Long> namespaceIds) {
		return Set.copyOf(deliveries(this.jsonMapper).stream()
			.map(Delivery::event)
			.filter((event) -> namespaceIds.contains(event.namespaceIds().get(0)))
			.map(NamespaceEligibilityChanged::eventId)
			.toList());
	}

	private List<Delivery> deliveriesFor(long namespaceId) {
		return deliveries(this.jsonMapper).stream()
			.filter((delivery) -> delivery.event().namespaceIds().contains(namespaceId))
			.toList();
	}

	private long incompletePublications() {
		return this.jdbc.sql("select count(*) from event_publication where completion_date is null")
			.query(Long.class)
			.single();
	}

}

package io.cdottrials.cdot.trials;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.cdottrials.testsupport.CdotIntegrationTest;
import io.cdottrials.testsupport.FixturePlans;
import io.cdottrials.testsupport.SnowplowCollector;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cohort extensions and the analytics events: every change reaches GitLab (the
 * invalidation webhook) and the Snowplow collector once, also after the collector was
 * down.
 */
class GrowthEventsTests extends CdotIntegrationTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	private static final String SCHEMA = "iglu:io.cdottrials/trial_event/jsonschema/1-0-0";

	@Autowired
	private JsonMapper jsonMapper;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TrialEndSweep sweep;

	@Autowired
	private MeterRegistry meterRegistry;

	@AfterEach
	void collectorUpAndExperimentsStopped() {
		SnowplowCollector.up();
		this.jdbc
			.sql("update experiments set starts_at = now() - interval '2 days', ends_at = now() - interval '1 day'")
			.update();
	}

	@Test
	void anExtensionExtendsTheCohortsRunningTrialsOnceAndRefreshesGitlab() {
		long first = newNamespaceId();
		long second = newNamespaceId();
		long other = newNamespaceId();
		LocalDate endsOn = endsOn(start(first));
		start(second);
		start(other);
		String key = "extend-" + first;

		ResponseEntity<String> extended = extend(key, Map.of("days", 14, "namespace_ids", List.of(second, first)));
		ResponseEntity<String> again = extend(key, Map.of("days", 14, "namespace_ids", List.of(first, second)));
		ResponseEntity<String> otherBody = extend(key, Map.of("days", 7, "namespace_ids", List.of(first)));

		assertThat(extended.getStatusCode().value()).as(extended.getBody()).isEqualTo(201);
		assertThat(
				this.jsonMapper.readTree(extended.getBody()).get("namespace_ids").valueStream().map(JsonNode::asLong))
			.containsExactly(first, second);
		assertThat(again.getStatusCode().value()).isEqualTo(200);
		assertThat(this.jsonMapper.readTree(again.getBody()).get("replayed").asBoolean()).isTrue();
		assertThat(otherBody.getStatusCode().value()).isEqualTo(409);
		assertThat(trialEndsOn(first)).as("extended once").isEqualTo(endsOn.plusDays(14));
		assertThat(trialEndsOn(second)).isEqualTo(endsOn.plusDays(14));
		assertThat(trialEndsOn(other)).isEqualTo(endsOn);
		assertThat(this.jdbc.sql("select actor from trial_extensions where idempotency_key = ?")
			.param(key)
			.query(String.class)
			.single()).isEqualTo("growth-pm@example.com");
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(deliveries(this.jsonMapper))
				.filteredOn((delivery) -> delivery.event().reason().equals("trial_extended"))
				.flatExtracting((delivery) -> delivery.event().namespaceIds())
				.contains(first, second)
				.doesNotContain(other));
		awaitAccepted(first, "trial_extended");
		awaitAccepted(second, "trial_extended");
		assertThat(accepted(other, "trial_extended")).isEmpty();
	}

	@Test
	void anExtensionOfAnExperimentsVariantExtendsItsTrials() {
		String key = ExperimentScenarioTests.newKey("all-in");
		Instant now = Instant.now();
		assertThat(admin(HttpMethod.PUT, "/api/v1/admin/experiments/" + key,
				Map.of("family", "ultimate_free", "variants", List.of(Map.of("name", "only", "duration_days", 45)),
						"rollout_percent", 100, "starts_at", now.minusSeconds(60).toString(), "ends_at",
						now.plus(1, ChronoUnit.DAYS).toString()),
				Map.of())
			.getStatusCode()
			.value()).isEqualTo(200);
		long namespaceId = newNamespaceId();
		JsonNode trial = start(namespaceId);
		assertThat(trial.get("duration_days").asInt()).isEqualTo(45);

		ResponseEntity<String> extended = extend("variant-" + key,
				Map.of("days", 5, "experiment", key, "variant", "only"));

		assertThat(extended.getStatusCode().value()).as(extended.getBody()).isEqualTo(201);
		assertThat(trialEndsOn(namespaceId)).isEqualTo(TODAY.plusDays(50));
		awaitAccepted(namespaceId, "trial_extended");
		assertThat(accepted(namespaceId, "trial_extended").get(0).data().get("experiment").asString()).isEqualTo(key);
	}

	@Test
	void badExtensionsAreProblems() {
		List<Map<String, Object>> bodies = List.of(Map.of(), Map.of("days", 0, "namespace_ids", List.of(1)),
				Map.of("days", 3), Map.of("days", 3, "namespace_ids", List.of(1), "experiment", "k", "variant", "v"),
				Map.of("days", 3, "experiment", "k"), Map.of("days", 3, "namespace_ids", List.of(-1)));
		for (Map<String, Object> body : bodies) {
			ResponseEntity<String> answer = extend("bad-" + body.hashCode(), body);
			assertThat(answer.getStatusCode().value()).as(body.toString()).isEqualTo(400);
			assertThat(this.jsonMapper.readTree(answer.getBody()).get("success").asBoolean()).isFalse();
		}
		assertThat(admin(HttpMethod.POST, "/api/v1/admin/trials/extensions",
				Map.of("days", 3, "namespace_ids", List.of(1)), Map.of())
			.getStatusCode()
			.value()).as("without Idempotency-Key").isEqualTo(400);
	}

	@Test
	void everyAnalyticsEventReachesTheCollectorOncePerChange() {
		long namespaceId = newNamespaceId();
		start(namespaceId);
		ResponseEntity<String> refused = applyTrial(namespaceId, "ultimate_with_dap");
		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		subscribe(namespaceId,
				List.of(item(FixturePlans.COM_ULTIMATE.id(), TODAY.toString(), TODAY.plusYears(1).toString())));
		this.jdbc.sql("update trials set starts_on = ?, ends_on = ? where namespace_id = ?")
			.params(java.sql.Date.valueOf(TODAY.minusDays(30)), java.sql.Date.valueOf(TODAY), namespaceId)
			.update();
		this.jdbc.sql("delete from trial_end_sweeps").update();
		this.sweep.sweep(TODAY.minusDays(2));
		this.sweep.sweep(TODAY);

		for (String name : List.of("trial_applied", "trial_rejected", "trial_converted", "trial_ended")) {
			awaitAccepted(namespaceId, name);
			List<SnowplowCollector.Event> events = accepted(namespaceId, name);
			assertThat(events).as(name).hasSize(1);
			SnowplowCollector.Event event = events.get(0);
			assertThat(event.eventType()).isEqualTo("ue");
			assertThat(event.payloadSchema()).startsWith("iglu:com.snowplowanalytics.snowplow/payload_data/");
			assertThat(event.schema()).isEqualTo(SCHEMA);
			assertThat(event.data().get("event_id").asString()).isEqualTo(event.eid());
			assertThat(event.data().get("trial_type").asString()).isEqualTo("ultimate_with_dap");
			assertThat(event.data().has("experiment")).isTrue();
		}
		assertThat(accepted(namespaceId, "trial_rejected").get(0).data().get("failed_rules").asString())
			.contains("family_unused");
	}

	@Test
	void anEventTheCollectorRefusedIsSentAgainOnceItIsBack() {
		double failedBefore = failedSends();
		SnowplowCollector.down();
		long namespaceId = newNamespaceId();
		start(namespaceId);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> events(namespaceId, "trial_applied").stream().anyMatch((event) -> event.status() == 503));
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(failedSends()).isGreaterThan(failedBefore));

		SnowplowCollector.up();

		awaitAccepted(namespaceId, "trial_applied");
		List<SnowplowCollector.Event> all = events(namespaceId, "trial_applied");
		assertThat(all).extracting(SnowplowCollector.Event::eid)
			.as("one event, sent again with the same id")
			.containsOnly(all.get(0).eid());
		assertThat(accepted(namespaceId, "trial_applied")).hasSize(1);
	}

	private double failedSends() {
		return this.meterRegistry.find("cdot.analytics.events")
			.tag("event", "trial_applied")
			.tag("outcome", "failed")
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

	private void awaitAccepted(long namespaceId, String name) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(accepted(namespaceId, name)).as(name).isNotEmpty());
	}

	/**
	 * Accepted events, one per event id: a redelivery of an accepted one is a duplicate.
	 */
	private List<SnowplowCollector.Event> accepted(long namespaceId, String name) {
		return events(namespaceId, name).stream()
			.filter((event) -> event.status() == 200)
			.collect(java.util.stream.Collectors.toMap(SnowplowCollector.Event::eid, (event) -> event, (a, b) -> a,
					java.util.LinkedHashMap::new))
			.values()
			.stream()
			.toList();
	}

	private List<SnowplowCollector.Event> events(long namespaceId, String name) {
		return SnowplowCollector.events(this.jsonMapper)
			.stream()
			.filter((event) -> event.namespaceId() == namespaceId && event.name().equals(name))
			.toList();
	}

	private JsonNode start(long namespaceId) {
		ResponseEntity<String> started = applyTrial(namespaceId, "ultimate_with_dap");
		assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(201);
		return this.jsonMapper.readTree(started.getBody()).get("trial");
	}

	private static LocalDate endsOn(JsonNode trial) {
		return LocalDate.parse(trial.get("ends_on").asString());
	}

	private LocalDate trialEndsOn(long namespaceId) {
		return this.jdbc.sql("select ends_on from trials where namespace_id = ?")
			.param(namespaceId)
			.query(LocalDate.class)
			.single();
	}

	private ResponseEntity<String> extend(String key, Object body) {
		return admin(HttpMethod.POST, "/api/v1/admin/trials/extensions", body,
				Map.of("Idempotency-Key", key, "X-Audit-Actor", "growth-pm@example.com"));
	}

	private ResponseEntity<String> admin(HttpMethod method, String path, Object body, Map<String, String> extra) {
		HttpHeaders headers = adminHeaders();
		extra.forEach(headers::set);
		return this.rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
	}

}

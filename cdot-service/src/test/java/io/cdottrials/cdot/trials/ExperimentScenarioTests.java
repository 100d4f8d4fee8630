package io.cdottrials.cdot.trials;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.cdottrials.testsupport.CdotIntegrationTest;
import io.cdottrials.testsupport.FixturePlans;
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
 * The framework's scenario 1 end to end over HTTP: Growth tests 60 days instead of 30 for
 * half of the free Ultimate trials, without a deploy, and reads the conversion report.
 */
class ExperimentScenarioTests extends CdotIntegrationTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	@Autowired
	private JsonMapper jsonMapper;

	@Autowired
	private JdbcClient jdbc;

	@AfterEach
	void stopExperiments() {
		// other tests expect the configured durations
		this.jdbc
			.sql("update experiments set starts_at = now() - interval '2 days', ends_at = now() - interval '1 day'")
			.update();
	}

	@Test
	void thirtyVersusSixtyDaysAtHalfRolloutGivesEachNamespaceItsVariantAndReportsConversions() {
		String key = newKey("ultimate-60-days");
		ResponseEntity<String> defined = defineExperiment(key, 50, "growth-pm@example.com");
		assertThat(defined.getStatusCode().value()).as(defined.getBody()).isEqualTo(200);

		Map<String, List<Long>> byVariant = new HashMap<>();
		int outside = 0;
		int namespaces = 80;
		for (int i = 0; i < namespaces; i++) {
			long namespaceId = newNamespaceId();
			int announced = announcedDays(namespaceId);
			JsonNode trial = this.jsonMapper.readTree(applied(namespaceId)).get("trial");
			long days = ChronoUnit.DAYS.between(LocalDate.parse(trial.get("starts_on").asString()),
					LocalDate.parse(trial.get("ends_on").asString()));
			assertThat(days).as("the days trial_types announced are the days the trial got").isEqualTo(announced);
			assertThat(trial.get("duration_days").asInt()).isEqualTo(announced);
			if (trial.has("experiment")) {
				assertThat(trial.get("experiment").asString()).isEqualTo(key);
				String variant = trial.get("variant").asString();
				assertThat(days).isEqualTo(variant.equals("sixty_days") ? 60 : 30);
				byVariant.computeIfAbsent(variant, (v) -> new ArrayList<>()).add(namespaceId);
			}
			else {
				assertThat(days).isEqualTo(30);
				outside++;
			}
			assertThat(announcedDays(namespaceId)).as("stable on a second ask").isEqualTo(announced);
		}
		assertThat(outside).as("about half outside the rollout").isBetween(namespaces / 4, namespaces * 3 / 4);
		assertThat(byVariant.get("thirty_days")).hasSizeGreaterThan(5);
		assertThat(byVariant.get("sixty_days")).hasSizeGreaterThan(5);

		// a third of each variant buys Ultimate while on trial
		Map<String, Integer> converted = new HashMap<>();
		byVariant.forEach((variant, ids) -> {
			for (int i = 0; i < ids.size(); i += 3) {
				assertThat(subscribe(ids.get(i),
						List.of(item(FixturePlans.COM_ULTIMATE.id(), TODAY.toString(), TODAY.plusYears(1).toString())))
					.getStatusCode()
					.is2xxSuccessful()).isTrue();
				converted.merge(variant, 1, Integer::sum);
			}
		});
		int conversions = converted.values().stream().mapToInt(Integer::intValue).sum();
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.jdbc.sql(
					"select count(*) from trial_conversions c join trials t on t.id = c.trial_id where t.experiment_key = ?")
				.param(key)
				.query(Long.class)
				.single()).isEqualTo((long) conversions));

		JsonNode report = this.jsonMapper
			.readTree(admin(HttpMethod.GET, "/api/v1/admin/experiments/" + key + "/report", null, null).getBody());
		assertThat(report.get("control").asString()).isEqualTo("thirty_days");
		for (JsonNode arm : report.get("variants")) {
			String variant = arm.get("variant").asString();
			long started = byVariant.get(variant).size();
			assertThat(arm.get("started").asLong()).isEqualTo(started);
			assertThat(arm.get("converted").asLong()).isEqualTo(converted.get(variant).longValue());
			double rate = arm.get("conversion_rate").asDouble();
			assertThat(rate).isCloseTo(converted.get(variant) / (double) started,
					org.assertj.core.data.Offset.offset(1e-9));
			assertThat(arm.at("/confidence_interval/lower").asDouble()).isLessThan(rate).isGreaterThanOrEqualTo(0);
			assertThat(arm.at("/confidence_interval/upper").asDouble()).isGreaterThan(rate).isLessThanOrEqualTo(1);
		}
		JsonNode sixty = report.get("variants").get(1);
		assertThat(sixty.at("/difference_to_control/estimate").asDouble()).isCloseTo(
				sixty.get("conversion_rate").asDouble() - report.at("/variants/0/conversion_rate").asDouble(),
				org.assertj.core.data.Offset.offset(1e-9));
		assertThat(sixty.at("/difference_to_control/confidence_interval/lower").asDouble())
			.isLessThan(sixty.at("/difference_to_control/estimate").asDouble());
	}

	@Test
	void everyChangeOfAnExperimentIsAuditedWithItsActor() {
		String key = newKey("audited");
		defineExperiment(key, 50, "alice@example.com");
		defineExperiment(key, 0, "bob@example.com");

		JsonNode audit = this.jsonMapper
			.readTree(admin(HttpMethod.GET, "/api/v1/admin/experiments/" + key + "/audit", null, null).getBody());

		assertThat(audit).hasSize(2);
		assertThat(audit.get(0).get("action").asString()).isEqualTo("created");
		assertThat(audit.get(0).get("actor").asString()).isEqualTo("alice@example.com");
		assertThat(audit.get(1).get("action").asString()).isEqualTo("updated");
		assertThat(audit.get(1).get("actor").asString()).isEqualTo("bob@example.com");
		assertThat(audit.get(1).at("/definition/rollout_percent").asInt()).isZero();
		JsonNode stored = this.jsonMapper
			.readTree(admin(HttpMethod.GET, "/api/v1/admin/experiments/" + key, null, null).getBody());
		assertThat(stored.get("updated_by").asString()).isEqualTo("bob@example.com");
	}

	@Test
	void aZeroRolloutSwitchesTheExperimentOffAtOnce() {
		String key = newKey("switched-off");
		defineExperiment(key, 100, "growth@example.com");
		long namespaceId = newNamespaceId();
		assertThat(announcedDays(namespaceId)).isIn(30, 60);
		boolean inSixty = announcedDays(namespaceId) == 60;

		defineExperiment(key, 0, "growth@example.com");

		assertThat(announcedDays(namespaceId)).isEqualTo(30);
		assertThat(inSixty || announcedDays(namespaceId) == 30).isTrue();
	}

	@Test
	void badExperimentDefinitionsAreProblems() {
		String key = newKey("bad");
		Instant now = Instant.now();
		List<Map<String, Object>> bodies = List.of(Map.of(),
				Map.of("family", "ultimate_free", "trial_type", "ultimate_with_dap", "variants",
						List.of(Map.of("name", "a", "duration_days", 30)), "rollout_percent", 50, "starts_at",
						now.toString(), "ends_at", now.plusSeconds(60).toString()),
				Map.of("family", "nope", "variants", List.of(Map.of("name", "a", "duration_days", 30)),
						"rollout_percent", 50, "starts_at", now.toString(), "ends_at", now.plusSeconds(60).toString()),
				Map.of("family", "ultimate_free", "variants", List.of(Map.of("name", "a", "duration_days", 0)),
						"rollout_percent", 50, "starts_at", now.toString(), "ends_at", now.plusSeconds(60).toString()),
				Map.of("family", "ultimate_free", "variants",
						List.of(Map.of("name", "a", "duration_days", 30), Map.of("name", "a", "duration_days", 60)),
						"rollout_percent", 50, "starts_at", now.toString(), "ends_at", now.plusSeconds(60).toString()),
				Map.of("family", "ultimate_free", "variants", List.of(Map.of("name", "a", "duration_days", 30)),
						"rollout_percent", 101, "starts_at", now.toString(), "ends_at", now.plusSeconds(60).toString()),
				Map.of("family", "ultimate_free", "variants", List.of(Map.of("name", "a", "duration_days", 30)),
						"rollout_percent", 50, "starts_at", now.toString(), "ends_at", now.toString()));
		for (Map<String, Object> body : bodies) {
			ResponseEntity<String> answer = admin(HttpMethod.PUT, "/api/v1/admin/experiments/" + key, body, null);
			assertThat(answer.getStatusCode().value()).as(body.toString()).isEqualTo(400);
			assertThat(this.jsonMapper.readTree(answer.getBody()).get("success").asBoolean()).isFalse();
		}
		assertThat(admin(HttpMethod.GET, "/api/v1/admin/experiments/" + key, null, null).getStatusCode().value())
			.isEqualTo(404);
		assertThat(admin(HttpMethod.GET, "/api/v1/admin/experiments/" + key + "/report", null, null).getStatusCode()
			.value()).isEqualTo(404);
		assertThat(gitlabGet("/api/v1/gitlab/namespaces/trials/trial_types?namespace_id=-1").getStatusCode().value())
			.isEqualTo(400);
	}

	private ResponseEntity<String> defineExperiment(String key, int rollout, String actor) {
		Instant now = Instant.now();
		return admin(HttpMethod.PUT, "/api/v1/admin/experiments/" + key, Map.of("family", "ultimate_free", "variants",
				List.of(Map.of("name", "thirty_days", "duration_days", 30),
						Map.of("name", "sixty_days", "duration_days", 60)),
				"rollout_percent", rollout, "starts_at", now.minusSeconds(3600).toString(), "ends_at",
				now.plus(1, ChronoUnit.DAYS).toString()), actor);
	}

	private int announcedDays(long namespaceId) {
		JsonNode types = this.jsonMapper
			.readTree(gitlabGet("/api/v1/gitlab/namespaces/trials/trial_types?namespace_id=" + namespaceId).getBody());
		return types.at("/trial_types/ultimate_with_dap/duration_days").asInt();
	}

	private String applied(long namespaceId) {
		ResponseEntity<String> applied = applyTrial(namespaceId, "ultimate_with_dap");
		assertThat(applied.getStatusCode().value()).as(applied.getBody()).isEqualTo(201);
		return applied.getBody();
	}

	private ResponseEntity<String> admin(HttpMethod method, String path, Object body, String actor) {
		HttpHeaders headers = adminHeaders();
		if (actor != null) {
			headers.set("X-Audit-Actor", actor);
		}
		return this.rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
	}

	/**
	 * Each test its own experiment: an earlier one of the same family would decide first.
	 */
	static String newKey(String prefix) {
		return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
	}

}

package io.cdottrials.cdot.trials;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.cdottrials.testsupport.CdotIntegrationTest;
import io.cdottrials.testsupport.FixturePlans;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class TrialApplicationTests extends CdotIntegrationTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private JsonMapper jsonMapper;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private TrialEndSweep sweep;

	@Test
	void startsATrialThatEndsAfterItsDuration() {
		long namespaceId = newNamespaceId();

		ResponseEntity<String> response = applyTrial(namespaceId, "ultimate_with_dap");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode trial = this.jsonMapper.readTree(response.getBody()).get("trial");
		assertThat(trial.get("namespace_id").asLong()).isEqualTo(namespaceId);
		assertThat(trial.get("trial_type").asString()).isEqualTo("ultimate_with_dap");
		assertThat(trial.get("starts_on").asString()).isEqualTo(TODAY.toString());
		assertThat(trial.get("ends_on").asString()).isEqualTo(TODAY.plusDays(30).toString());
		assertThat(eligibleTypes(namespaceId)).isEmpty();
	}

	@Test
	void duoTrialsLastSixtyDays() {
		long namespaceId = newNamespaceId();
		subscribe(namespaceId, List
			.of(item(FixturePlans.COM_ULTIMATE.id(), TODAY.minusDays(1).toString(), TODAY.plusYears(1).toString())));

		ResponseEntity<String> response = applyTrial(namespaceId, "gitlab_duo_enterprise");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(this.jsonMapper.readTree(response.getBody()).get("trial").get("ends_on").asString())
			.isEqualTo(TODAY.plusDays(60).toString());
		assertThat(eligibleTypes(namespaceId)).containsExactly("gitlab_duo_pro");
	}

	@Test
	void notEligibleIs422NamingTheFailingRules() {
		long namespaceId = newNamespaceId();

		ResponseEntity<String> response = applyTrial(namespaceId, "gitlab_duo_enterprise");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		JsonNode body = this.jsonMapper.readTree(response.getBody());
		assertThat(body.get("success").asBoolean()).isFalse();
		assertThat(body.get("errors").get(0).asString()).isEqualTo(
				"paid_tier: gitlab_duo_enterprise needs a paid tier of Ultimate, but the namespace's paid tier is Free");
		assertThat(body.get("failed_rules").get(0).get("rule").asString()).isEqualTo("paid_tier");
		assertThat(count(namespaceId)).isZero();
	}

	@Test
	void anApplyTheDatabaseRefusesIsAServerErrorCountedAsAFailedApplication() {
		long namespaceId = newNamespaceId();
		double failedBefore = failedApplications("ultimate_with_dap");
		// NOT VALID: only this namespace's new row breaks it, nothing already stored
		String constraint = "refuse_namespace_" + namespaceId;
		this.jdbc
			.sql("alter table trials add constraint " + constraint + " check (namespace_id <> " + namespaceId
					+ ") not valid")
			.update();
		try {
			ResponseEntity<String> response = applyTrial(namespaceId, "ultimate_with_dap");

			assertThat(response.getStatusCode().is5xxServerError()).as(response.getBody()).isTrue();
			assertThat(failedApplications("ultimate_with_dap") - failedBefore)
				.as("what the TrialApplyErrorRatio alert reads")
				.isEqualTo(1.0);
		}
		finally {
			this.jdbc.sql("alter table trials drop constraint " + constraint).update();
		}
		assertThat(applyTrial(namespaceId, "ultimate_with_dap").getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	private double failedApplications(String trialType) {
		return this.meters.get("cdot.trial.applications")
			.tag("trial_type", trialType)
			.tag("outcome", "failed")
			.counter()
			.count();
	}

	@Test
	void aRepeatedApplyIs422AndKeepsOneTrial() {
		long namespaceId = newNamespaceId();
		assertThat(applyTrial(namespaceId, "ultimate_with_dap").getStatusCode()).isEqualTo(HttpStatus.CREATED);

		ResponseEntity<String> again = applyTrial(namespaceId, "ultimate_with_dap");

		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(again.getBody()).contains("no_active_trial").contains("family_unused");
		assertThat(count(namespaceId)).isOne();
	}

	@Test
	void concurrentAppliesForOneNamespaceMakeExactlyOneTrial() throws Exception {
		long namespaceId = newNamespaceId();
		int applicants = 24;
		ExecutorService executor = Executors.newFixedThreadPool(applicants);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<HttpStatus>> results = new ArrayList<>();
			for (int i = 0; i < applicants; i++) {
				// both flavours of the ultimate_free family race each other
				String type = (i % 2 == 0) ? "ultimate_with_dap" : "ultimate_with_gitlab_duo_enterprise";
				results.add(executor.submit(() -> {
					start.await();
					return HttpStatus.valueOf(applyTrial(namespaceId, type).getStatusCode().value());
				}));
			}
			start.countDown();
			List<HttpStatus> statuses = new ArrayList<>();
			for (Future<HttpStatus> result : results) {
				statuses.add(result.get());
			}
			assertThat(statuses).filteredOn((status) -> status == HttpStatus.CREATED).hasSize(1);
			assertThat(statuses).filteredOn((status) -> status == HttpStatus.UNPROCESSABLE_CONTENT)
				.hasSize(applicants - 1);
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(count(namespaceId)).isOne();
	}

	@Test
	void theDatabaseRefusesASecondTrialOfAFamily() {
		long namespaceId = newNamespaceId();
		insertTrial(namespaceId, "ultimate_with_dap", TODAY.minusDays(100), TODAY.minusDays(70));

		org.assertj.core.api.Assertions
			.assertThatThrownBy(
					() -> insertTrial(namespaceId, "ultimate_with_gitlab_duo_enterprise", TODAY, TODAY.plusDays(30)))
			.hasMessageContaining("trials_namespace_family_idx");
	}

	@Test
	void trialTypesAnswerDurationsAndScheduledChanges() {
		ResponseEntity<String> response = gitlabGet("/api/v1/gitlab/namespaces/trials/trial_types");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode types = this.jsonMapper.readTree(response.getBody()).get("trial_types");
		assertThat(types.propertyNames()).containsExactly("ultimate_with_gitlab_duo_enterprise",
				"ultimate_on_premium_with_gitlab_duo_enterprise", "ultimate_with_dap", "ultimate_on_premium_with_dap",
				"gitlab_duo_pro", "gitlab_duo_enterprise");
		assertThat(types.get("ultimate_with_dap").get("duration_days").asInt()).isEqualTo(30);
		assertThat(types.get("ultimate_with_dap").get("next_duration_days").isNull()).isTrue();
		assertThat(types.get("gitlab_duo_pro").get("duration_days").asInt()).isEqualTo(60);
		assertThat(types.get("gitlab_duo_pro").get("next_duration_days").asInt()).isEqualTo(45);
		assertThat(types.get("gitlab_duo_pro").get("next_active_time").asString()).isEqualTo("2030-01-01T00:00:00Z");
	}

	@Test
	void explainGivesEveryRuleOfEveryType() {
		long namespaceId = newNamespaceId();
		subscribe(namespaceId, List
			.of(item(FixturePlans.COM_PREMIUM.id(), TODAY.minusDays(1).toString(), TODAY.plusYears(1).toString())));

		ResponseEntity<String> response = gitlabGet(
				"/api/v1/gitlab/namespaces/" + namespaceId + "/trials/eligibility/explain");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode types = this.jsonMapper.readTree(response.getBody()).get("trial_types");
		assertThat(types.propertyNames()).hasSize(6);
		JsonNode onPremium = types.get("ultimate_on_premium_with_dap");
		assertThat(onPremium.get("eligible").asBoolean()).isTrue();
		List<String> rules = new ArrayList<>();
		onPremium.get("rules").forEach((rule) -> rules.add(rule.get("rule").asString()));
		assertThat(rules).containsExactly("offered", "paid_tier", "no_active_trial", "family_unused",
				"no_conflicting_add_on");
		JsonNode free = types.get("ultimate_with_dap");
		assertThat(free.get("eligible").asBoolean()).isFalse();
		assertThat(free.get("rules").get(1).get("passed").asBoolean()).isFalse();
		assertThat(free.get("rules").get(1).get("reason").asString())
			.isEqualTo("ultimate_with_dap needs a paid tier of Free, but the namespace's paid tier is Premium");
	}

	@Test
	void theDailySweepFindsTrialsThatEndedSinceTheLastRun() {
		long endedToday = newNamespaceId();
		long endedYesterday = newNamespaceId();
		long stillRunning = newNamespaceId();
		long endedLongAgo = newNamespaceId();
		insertTrial(endedToday, "ultimate_with_dap", TODAY.minusDays(30), TODAY);
		insertTrial(endedYesterday, "gitlab_duo_pro", TODAY.minusDays(61), TODAY.minusDays(1));
		insertTrial(stillRunning, "ultimate_with_dap", TODAY.minusDays(3), TODAY.plusDays(27));
		insertTrial(endedLongAgo, "ultimate_with_dap", TODAY.minusDays(90), TODAY.minusDays(60));
		this.jdbc.sql("delete from trial_end_sweeps").update();
		this.sweep.sweep(TODAY.minusDays(2));

		List<Long> ended = this.sweep.sweep(TODAY);

		assertThat(ended).contains(endedToday, endedYesterday).doesNotContain(stillRunning, endedLongAgo);
		assertThat(this.sweep.sweep(TODAY)).as("a second run the same day").isEmpty();
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(deliveries(this.jsonMapper))
				.filteredOn((delivery) -> delivery.event().reason().equals("trial_ended"))
				.flatExtracting((delivery) -> delivery.event().namespaceIds())
				.contains(endedToday, endedYesterday)
				.doesNotContain(stillRunning, endedLongAgo));
	}

	private List<String> eligibleTypes(long namespaceId) {
		JsonNode body = this.jsonMapper
			.readTree(gitlabGet("/api/v1/gitlab/namespaces/trials/eligibility?namespace_ids=" + namespaceId).getBody());
		List<String> types = new ArrayList<>();
		body.get("namespaces").get(Long.toString(namespaceId)).forEach((type) -> types.add(type.asString()));
		return types;
	}

	private long count(long namespaceId) {
		return this.jdbc.sql("select count(*) from trials where namespace_id = ?")
			.param(namespaceId)
			.query(Long.class)
			.single();
	}

	private void insertTrial(long namespaceId, String type, LocalDate startsOn, LocalDate endsOn) {
		String family = io.cdottrials.model.TrialType.fromWireName(type).orElseThrow().family().wireName();
		this.jdbc.sql(
				"insert into trials (namespace_id, trial_type, family, starts_on, ends_on, uid) values (?, ?, ?, ?, ?, 1)")
			.params(namespaceId, type, family, Date.valueOf(startsOn), Date.valueOf(endsOn))
			.update();
	}

}

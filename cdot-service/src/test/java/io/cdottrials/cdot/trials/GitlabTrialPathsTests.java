package io.cdottrials.cdot.trials;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.cdottrials.cdot.eligibility.TrialOffers;
import io.cdottrials.testsupport.CdotIntegrationTest;
import io.cdottrials.testsupport.FixturePlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /trials} and {@code POST /trials/create_addon}: the trial type GitLab's
 * services mean, one trial whatever the concurrency, a 4xx for any bad input, and the
 * applicant's personal data kept only in {@code trial_applicants}, for the retention
 * period.
 */
@ExtendWith(OutputCaptureExtension.class)
class GitlabTrialPathsTests extends CdotIntegrationTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	@Autowired
	private JsonMapper jsonMapper;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TrialOffers offers;

	@Autowired
	private TrialApplicantPurge purge;

	@Test
	void withoutTrialTypeTheUltimateTrialFollowsTheNamespacesTierAndTheFlag() {
		long free = newNamespaceId();
		long premium = newNamespaceId();
		subscribe(premium, List
			.of(item(FixturePlans.COM_PREMIUM.id(), TODAY.minusDays(1).toString(), TODAY.plusYears(1).toString())));
		long freeWithFlagOff = newNamespaceId();

		assertThat(startedType(post("/trials", request(free, null, null)))).isEqualTo("ultimate_with_dap");
		assertThat(startedType(post("/trials", request(premium, null, null))))
			.isEqualTo("ultimate_on_premium_with_dap");
		this.offers.setUltimateTrialWithDap(false);
		try {
			assertThat(startedType(post("/trials", request(freeWithFlagOff, null, "duo_enterprise"))))
				.isEqualTo("ultimate_with_gitlab_duo_enterprise");
		}
		finally {
			this.offers.setUltimateTrialWithDap(true);
		}
	}

	@Test
	void withoutTrialTypeTheAddOnTrialFollowsAddOnName() {
		long duoPro = newNamespaceId();
		long duoEnterprise = newNamespaceId();
		subscribe(duoPro, List
			.of(item(FixturePlans.COM_ULTIMATE.id(), TODAY.minusDays(1).toString(), TODAY.plusYears(1).toString())));
		subscribe(duoEnterprise, List
			.of(item(FixturePlans.COM_ULTIMATE.id(), TODAY.minusDays(1).toString(), TODAY.plusYears(1).toString())));

		assertThat(startedType(post("/trials/create_addon", request(duoPro, null, "code_suggestions"))))
			.isEqualTo("gitlab_duo_pro");
		assertThat(startedType(post("/trials/create_addon", request(duoEnterprise, null, "duo_enterprise"))))
			.isEqualTo("gitlab_duo_enterprise");
	}

	@Test
	void aGivenTrialTypeWinsAndTheRulesStillDecide() {
		long namespaceId = newNamespaceId();

		ResponseEntity<String> refused = post("/trials/create_addon", request(namespaceId, "gitlab_duo_pro", null));

		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		JsonNode body = this.jsonMapper.readTree(refused.getBody());
		assertThat(body.get("errors").get(0).asString()).isEqualTo(
				"This group cannot start the gitlab_duo_pro trial: gitlab_duo_pro needs a paid tier of Premium or Ultimate, but the namespace's paid tier is Free.");
		assertThat(body.at("/failed_rules/0/rule").asString()).isEqualTo("paid_tier");
	}

	@Test
	void thirtyConcurrentRequestsForOneNamespaceStartExactlyOneTrial() throws Exception {
		long namespaceId = newNamespaceId();
		int requests = 30;
		ExecutorService executor = Executors.newFixedThreadPool(requests);
		CountDownLatch start = new CountDownLatch(1);
		List<Integer> statuses = new ArrayList<>();
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				results.add(executor.submit(() -> {
					start.await();
					return post("/trials", request(namespaceId, "ultimate_with_dap", "duo_enterprise")).getStatusCode()
						.value();
				}));
			}
			start.countDown();
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
		assertThat(statuses).filteredOn((status) -> status == 422).hasSize(requests - 1);
		assertThat(this.jdbc.sql("select count(*) from trials where namespace_id = ?")
			.param(namespaceId)
			.query(Long.class)
			.single()).isOne();
	}

	static Stream<Arguments> badInput() {
		String valid = "{\"uid\": 42, \"trial_user\": {\"namespace_id\": 12, \"trial_type\": \"ultimate_with_dap\"}}";
		return Stream.of(
		// @formatter:off
		Arguments.of("/trials", "{\"uid\": 42}", 400, "trial_user must not be null"),
		Arguments.of("/trials/create_addon", "{\"uid\": 42}", 400, "trial_user must not be null"),
		Arguments.of("/trials", "{\"uid\": 42, \"trial_user\": {\"namespace_id\": \"abc\"}}", 400, "'trial_user.namespace_id' has an invalid value or type"),
		Arguments.of("/trials", "{\"uid\": 42, \"trial_user\": {\"namespace_id\": 1.5}}", 400, "'trial_user.namespace_id' has an invalid value or type"),
		Arguments.of("/trials", "{\"uid\": 42, \"trial_user\": {\"namespace_id\": -3}}", 400, "trial_user.namespace_id must be greater than 0"),
		Arguments.of("/trials", "{\"uid\": 42, \"trial_user\": {\"trial_type\": \"ultimate_with_dap\"}}", 400, "trial_user.namespace_id must not be null"),
		Arguments.of("/trials", "{\"uid\": 42, \"trial_user\": {\"namespace_id\": 12, \"trial_type\": \"ultimate_forever\"}}", 400, "trial_user.trial_type 'ultimate_forever' is not a trial type"),
		Arguments.of("/trials/create_addon", "{\"uid\": 42, \"trial_user\": {\"namespace_id\": 12, \"add_on_name\": \"storage\"}}", 400, "trial_user.add_on_name 'storage' has no trial"),
		Arguments.of("/trials", "{\"uid\": 42, \"trial_user\": {\"namespace_id\": 12,", 400, "Malformed JSON"),
		Arguments.of("/trials", "", 400, "The request body is missing or not readable"),
		Arguments.of("/trials", "[1, 2]", 400, "does not have the documented shape"),
		Arguments.of("/trials", "{\"uid\": 42, \"trial_user\": \"acme\"}", 400, "'trial_user' has an invalid value or type"),
		Arguments.of("/trials", "{\"uid\": \"abc\", \"trial_user\": {\"namespace_id\": 12}}", 400, "'uid' has an invalid value or type"),
		Arguments.of("/trials", "{\"uid\": 0, \"trial_user\": {\"namespace_id\": 12}}", 400, "uid must be greater than 0"),
		Arguments.of("/trials", "{\"uid\": 42, \"trial_user\": {\"namespace_id\": 12, \"namespace\": {\"kind\": \"user\"}}}", 400, "trial_user.namespace.kind must be 'group'"),
		Arguments.of("/trials", "{\"uid\": 42, \"trial_user\": {\"namespace_id\": 12, \"first_name\": \"" + "x".repeat(300) + "\"}}", 400, "trial_user.first_name size must be between 0 and 255"),
		Arguments.of("/trials", "{\"uid\": 42, \"trial_user\": null}", 400, "trial_user must not be null"),
		Arguments.of("/trials", valid.replace("\"namespace_id\": 12", "\"namespace_id\": 12, \"namespace\": [1]"), 400, "'trial_user.namespace' has an invalid value or type"));
		// @formatter:on
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@MethodSource("badInput")
	void badInputIsAProblemWithSuccessFalseNeverA500(String path, String body, int status, String error) {
		ResponseEntity<String> response = this.rest.exchange(path, HttpMethod.POST,
				new HttpEntity<>(body, gitlabHeaders()), String.class);

		assertThat(response.getStatusCode().value()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.isTrue();
		JsonNode problem = this.jsonMapper.readTree(response.getBody());
		assertThat(problem.get("success").asBoolean()).isFalse();
		List<String> errors = new ArrayList<>();
		problem.get("errors").forEach((node) -> errors.add(node.asString()));
		assertThat(errors).anyMatch((text) -> text.contains(error));
	}

	@Test
	void missingOrWrongCredentialsAreA401() {
		String body = this.jsonMapper.writeValueAsString(request(newNamespaceId(), "ultimate_with_dap", null));
		HttpHeaders wrong = gitlabHeaders();
		wrong.set("X-Admin-Token", "guessed");
		HttpHeaders none = new HttpHeaders();
		none.setContentType(MediaType.APPLICATION_JSON);

		for (HttpHeaders headers : List.of(wrong, none)) {
			for (String path : List.of("/trials", "/trials/create_addon")) {
				ResponseEntity<String> response = this.rest.exchange(path, HttpMethod.POST,
						new HttpEntity<>(body, headers), String.class);
				assertThat(response.getStatusCode().value()).isEqualTo(401);
				assertThat(this.jsonMapper.readTree(response.getBody()).get("success").asBoolean()).isFalse();
			}
		}
	}

	@Test
	void theApplicantsFormIsKeptWithTheTrialButNeverLoggedNorInMetrics(CapturedOutput output) {
		long namespaceId = newNamespaceId();
		Map<String, Object> request = request(namespaceId, "ultimate_with_dap", "duo_enterprise");
		@SuppressWarnings("unchecked")
		Map<String, Object> user = (Map<String, Object>) request.get("trial_user");
		user.putAll(Map.of("first_name", "Zenobia", "last_name", "Quaxleworth", "company_name", "Quaxle Widgets",
				"company_size", "100-499", "country", "NZ", "phone_number", "+64 9 555 0199", "work_email",
				"zenobia@quaxle.example", "favourite_colour", "a field GitLab may add one day"));

		ResponseEntity<String> started = post("/trials", request);

		assertThat(started.getStatusCode().value()).isEqualTo(201);
		long trialId = this.jsonMapper.readTree(started.getBody()).at("/trial/id").asLong();
		JsonNode kept = this.jsonMapper
			.readTree(this.jdbc.sql("select fields::text from trial_applicants where trial_id = ?")
				.param(trialId)
				.query(String.class)
				.single());
		assertThat(kept.propertyNames()).containsExactlyInAnyOrder("first_name", "last_name", "company_name",
				"company_size", "country", "phone_number", "work_email");
		assertThat(kept.get("phone_number").asString()).isEqualTo("+64 9 555 0199");
		String metrics = this.rest.getForObject("/actuator/prometheus", String.class);
		assertThat(post("/trials", request).getStatusCode().value()).as("a refused repeat").isEqualTo(422);
		for (String personal : List.of("Zenobia", "Quaxleworth", "Quaxle Widgets", "+64 9 555 0199",
				"zenobia@quaxle.example")) {
			assertThat(output.getAll()).doesNotContain(personal);
			assertThat(metrics).doesNotContain(personal);
		}
	}

	@Test
	void theDailyPurgeDeletesApplicantsOlderThanTheRetentionAndKeepsTheTrials() {
		long oldNamespace = newNamespaceId();
		long recentNamespace = newNamespaceId();
		long oldTrial = startWithForm(oldNamespace);
		long recentTrial = startWithForm(recentNamespace);
		this.jdbc.sql("update trial_applicants set received_at = ? where trial_id = ?")
			.params(Timestamp.from(Instant.now().minus(91, ChronoUnit.DAYS)), oldTrial)
			.update();

		assertThat(this.purge.purge()).isGreaterThanOrEqualTo(1);

		assertThat(applicantRows(oldTrial)).isZero();
		assertThat(applicantRows(recentTrial)).isOne();
		assertThat(this.jdbc.sql("select count(*) from trials where id = ?").param(oldTrial).query(Long.class).single())
			.isOne();
	}

	private long startWithForm(long namespaceId) {
		Map<String, Object> request = request(namespaceId, "ultimate_with_dap", null);
		@SuppressWarnings("unchecked")
		Map<String, Object> user = (Map<String, Object>) request.get("trial_user");
		user.put("first_name", "Ada");
		ResponseEntity<String> started = post("/trials", request);
		assertThat(started.getStatusCode().value()).isEqualTo(201);
		return this.jsonMapper.readTree(started.getBody()).at("/trial/id").asLong();
	}

	private long applicantRows(long trialId) {
		return this.jdbc.sql("select count(*) from trial_applicants where trial_id = ?")
			.param(trialId)
			.query(Long.class)
			.single();
	}

	private ResponseEntity<String> post(String path, Object body) {
		return gitlab(HttpMethod.POST, path, body);
	}

	private String startedType(ResponseEntity<String> response) {
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
		return this.jsonMapper.readTree(response.getBody()).at("/trial/trial_type").asString();
	}

	private static Map<String, Object> request(long namespaceId, String trialType, String addOnName) {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("namespace_id", namespaceId);
		user.put("namespace",
				Map.of("id", namespaceId, "name", "acme", "path", "acme", "kind", "group", "plan", "free"));
		user.put("gitlab_com_trial", true);
		user.put("sync_to_gl", true);
		if (trialType != null) {
			user.put("trial_type", trialType);
		}
		if (addOnName != null) {
			user.put("add_on_name", addOnName);
		}
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("uid", 42);
		request.put("trial_user", user);
		return request;
	}

}

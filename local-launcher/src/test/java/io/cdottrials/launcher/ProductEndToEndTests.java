package io.cdottrials.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cdottrials.launcher.monitoring.MonitoredExpressions;
import io.cdottrials.launcher.monitoring.MonitoredExpressions.Expression;
import io.cdottrials.launcher.monitoring.PrometheusServer;
import io.cdottrials.launcher.monitoring.SeriesCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Both services from their production jars, on real HTTP ports, with a real PostgreSQL
 * and a real Redis, exactly as the README's run command starts them. GitLab UI backends'
 * view: read through the GitLab side, change something in CDot, and see the change arrive
 * through CDot's signed webhook, and follow one request's trace id through the logs of
 * both services.
 */
class ProductEndToEndTests {

	private static final Duration WEBHOOK_DEADLINE = Duration.ofSeconds(2);

	// a log line reaches the test through the child process's output and a relay thread;
	// generous, since the webhook's line follows CDot's outbox on a busy machine
	private static final Duration LOG_DEADLINE = Duration.ofSeconds(30);

	// the operators' token of the local profile (cdot-service's application-local.yml)
	private static final String ADMIN_TOKEN = "local-admin-token";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static LocalProduct product;

	private static PrometheusServer prometheus;

	@BeforeAll
	static void startProduct() throws Exception {
		// the production log format, so that the tests read the log as operators' tools
		// do
		product = LocalProduct.start(RepositoryLayout.locate(), LocalProduct.freePort(), LocalProduct.freePort(),
				LogFormat.PRODUCTION_JSON);
		prometheus = PrometheusServer.start(RepositoryLayout.locate().resolve("ops/prometheus"), Map.of("cdot-service",
				"127.0.0.1:" + product.cdotPort(), "gitlab-client", "127.0.0.1:" + product.gitlabPort()));
	}

	@AfterAll
	static void stopProduct() {
		if (prometheus != null) {
			prometheus.close();
		}
		if (product != null) {
			product.close();
		}
	}

	@Test
	void theDemoCatalogIsClassifiedFromItsCustomFields() throws Exception {
		JsonNode answer = cdotGet("/api/v1/catalog/classifications/self_service_gitlab_com_plans");
		assertThat(answer.get("catalog_version").asLong()).isGreaterThanOrEqualTo(1);
		List<String> names = new ArrayList<>();
		answer.get("plans").forEach((plan) -> names.add(plan.get("name").asString()));
		assertThat(names).contains("GitLab.com Premium - 1 Year", "GitLab.com Ultimate - 1 Year")
			.noneMatch((name) -> name.startsWith("Self-Managed") || name.startsWith("Dedicated"));
	}

	@Test
	void theSeededDemoNamespacesAnswerThroughTheGitlabSide() throws Exception {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode answer = gitlabGet("/api/v1/trial_eligibility?namespace_ids=1003,1005");
			assertThat(types(answer, 1003)).containsExactlyInAnyOrder("gitlab_duo_pro", "gitlab_duo_enterprise");
			assertThat(types(answer, 1005)).isEmpty();
		});
	}

	@Test
	void aTrialAppliedThroughTheGitlabSideShowsOnTheNextRead() throws Exception {
		long namespace = 4_000_001;
		JsonNode before = gitlabGet("/api/v1/trial_eligibility?namespace_ids=" + namespace);
		assertThat(types(before, namespace)).contains("ultimate_with_dap");
		assertThat(state(before, namespace)).isEqualTo("fresh");
		double webhooksBefore = webhookInvalidations();

		HttpResponse<String> applied = gitlabPost("/api/v1/namespaces/" + namespace + "/trials",
				"{\"trial_type\": \"ultimate_with_dap\", \"uid\": 42, \"namespace\": {\"kind\": \"group\"}}");
		assertThat(applied.statusCode()).isEqualTo(201);

		JsonNode after = gitlabGet("/api/v1/trial_eligibility?namespace_ids=" + namespace);
		assertThat(types(after, namespace)).doesNotContain("ultimate_with_dap", "ultimate_on_premium_with_dap");
		// CDot's webhook for the new trial reaches the GitLab side as well
		await().atMost(WEBHOOK_DEADLINE).until(() -> webhookInvalidations() > webhooksBefore);
	}

	@Test
	void aChangeMadeInCdotReachesTheGitlabSideThroughItsWebhookWithinTwoSeconds() throws Exception {
		long namespace = 4_000_002;
		JsonNode cached = gitlabGet("/api/v1/trial_eligibility?namespace_ids=" + namespace);
		assertThat(types(cached, namespace)).containsExactly("ultimate_with_dap");

		// GitLab's side is not told: only CDot's webhook can invalidate its cache
		String premium = ratePlanId("GitLab.com Premium - 1 Year");
		HttpResponse<String> changed = cdotPut("/api/v1/gitlab/namespaces/" + namespace + "/subscription",
				"{\"items\": [{\"product_rate_plan_id\": \"" + premium
						+ "\", \"quantity\": 10, \"starts_on\": \"2026-01-01\", \"ends_on\": \"2099-01-01\"}]}");
		assertThat(changed.statusCode()).isEqualTo(200);

		await().atMost(WEBHOOK_DEADLINE)
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(
					types(gitlabGet("/api/v1/trial_eligibility?namespace_ids=" + namespace), namespace))
				.containsExactlyInAnyOrder("ultimate_on_premium_with_dap", "gitlab_duo_pro"));
	}

	@Test
	void everyDashboardPanelAndRuleReadsSeriesFromAPrometheusScrapingBothServices() throws Exception {
		// what operators' dashboards and alerts need to have happened at least once:
		// eligibility reads on both sides, a trial applied, a subscription changed in
		// CDot
		// (its webhook reaches the GitLab side), a catalog sync
		long namespace = 4_000_003;
		gitlabGet("/api/v1/trial_eligibility?namespace_ids=" + namespace + ",1001,1005");
		cdotGet("/api/v1/gitlab/namespaces/trials/eligibility?namespace_ids=" + namespace);
		assertThat(gitlabPost("/api/v1/namespaces/" + namespace + "/trials",
				"{\"trial_type\": \"ultimate_with_dap\", \"uid\": 7}")
			.statusCode()).isEqualTo(201);
		assertThat(cdotPut("/api/v1/gitlab/namespaces/4000004/subscription",
				"{\"items\": [{\"product_rate_plan_id\": \"" + ratePlanId("GitLab.com Premium - 1 Year")
						+ "\", \"quantity\": 10, \"starts_on\": \"2026-01-01\", \"ends_on\": \"2099-01-01\"}]}")
			.statusCode()).isEqualTo(200);
		assertThat(send(HttpRequest.newBuilder(cdot("/api/v1/admin/catalog/syncs"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.POST(BodyPublishers.noBody())).statusCode()).isEqualTo(202);

		Path ops = RepositoryLayout.locate().resolve("ops");
		List<Expression> expressions = new ArrayList<>(
				MonitoredExpressions.dashboard(ops.resolve("grafana/dashboards/cdot-trials.json")));
		expressions.addAll(MonitoredExpressions.rules(ops.resolve("prometheus/rules.yml")));
		assertThat(expressions).hasSizeGreaterThan(50);
		// a few scrapes and rule evaluations (1 s each) after the traffic
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(SeriesCheck.withoutSeries(prometheus, expressions))
				.as("dashboard panels and rules that read no series")
				.isEmpty());
	}

	@Test
	void theSeriesCheckNamesAPanelOrAlertWithAMisspelledMetricOrLabel() throws Exception {
		Path ops = RepositoryLayout.locate().resolve("ops");
		Expression answersPanel = MonitoredExpressions.dashboard(ops.resolve("grafana/dashboards/cdot-trials.json"))
			.stream()
			.filter((expression) -> expression.expression().contains("gitlab_trial_eligibility_answers_total"))
			.findFirst()
			.orElseThrow();
		Expression breakerAlert = MonitoredExpressions.rules(ops.resolve("prometheus/rules.yml"))
			.stream()
			.filter((expression) -> expression.source().equals("alert CircuitBreakerOpen"))
			.findFirst()
			.orElseThrow();
		Expression misspelledMetric = new Expression("misspelled metric", answersPanel.expression()
			.replace("gitlab_trial_eligibility_answers_total", "gitlab_trial_eligibility_answer_total"));
		Expression misspelledLabel = new Expression("misspelled label",
				breakerAlert.expression().replace("state=~", "stat=~"));
		Expression misspelledJob = new Expression("misspelled job", "sum(rate(http_server_requests_seconds_count"
				+ "{job=\"cdot-servce\",uri=\"/api/v1/gitlab/namespaces/trials/eligibility\"}[5m]))");
		assertThat(misspelledMetric.expression()).isNotEqualTo(answersPanel.expression());
		assertThat(misspelledLabel.expression()).isNotEqualTo(breakerAlert.expression());
		gitlabGet("/api/v1/trial_eligibility?namespace_ids=1001");

		// once the originals read series, their misspelled copies are still reported
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(SeriesCheck.withoutSeries(prometheus, List.of(answersPanel, breakerAlert)))
				.isEmpty());
		assertThat(SeriesCheck.withoutSeries(prometheus,
				List.of(answersPanel, misspelledMetric, breakerAlert, misspelledLabel, misspelledJob)))
			.hasSize(3)
			.anySatisfy((failure) -> assertThat(failure).startsWith("misspelled metric: ")
				.contains("gitlab_trial_eligibility_answer_total"))
			.anySatisfy((failure) -> assertThat(failure).startsWith("misspelled label: ").contains("== bool 1"))
			.anySatisfy((failure) -> assertThat(failure).startsWith("misspelled job: "));
	}

	@Test
	void oneRequestsTraceIdIsInTheLogLinesOfBothServices() throws Exception {
		long namespace = 4_000_010;
		String traceId = newTraceId();
		// a namespace no one asked about: a cache miss, so the GitLab side asks CDot
		HttpResponse<String> answer = send(
				HttpRequest.newBuilder(gitlab("/api/v1/trial_eligibility?namespace_ids=" + namespace))
					.header("traceparent", traceparent(traceId))
					.GET());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

		await().atMost(LOG_DEADLINE).untilAsserted(() -> {
			List<JsonNode> gitlabEvents = ServiceLogs.ofTrace(product.gitlabOutput(), traceId);
			assertThat(ServiceLogs.messages(gitlabEvents))
				.anySatisfy((message) -> assertThat(message).startsWith("GET /api/v1/trial_eligibility 200 "));
			assertThat(gitlabEvents)
				.allSatisfy((event) -> assertThat(event.at("/service/name").asString()).isEqualTo("gitlab-client"));
			List<JsonNode> cdotEvents = ServiceLogs.ofTrace(product.cdotOutput(), traceId);
			assertThat(ServiceLogs.messages(cdotEvents)).anySatisfy((message) -> assertThat(message)
				.startsWith("POST /api/v1/gitlab/namespaces/trials/eligibility 200 "));
			assertThat(cdotEvents)
				.allSatisfy((event) -> assertThat(event.at("/service/name").asString()).isEqualTo("cdot-service"));
		});
	}

	@Test
	void aTrialAppliedThroughTheGitlabSideCarriesItsTraceThroughCdotAndBackInCdotsWebhook() throws Exception {
		long namespace = 4_000_011;
		String traceId = newTraceId();
		HttpResponse<String> applied = send(
				HttpRequest.newBuilder(gitlab("/api/v1/namespaces/" + namespace + "/trials"))
					.header("traceparent", traceparent(traceId))
					.header("Content-Type", "application/json")
					.POST(BodyPublishers.ofString("{\"trial_type\": \"ultimate_with_dap\", \"uid\": 42}")));
		assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);

		// the webhook is sent after CDot's transaction, on another thread, in the same
		// trace. Its first attempt is the one in this trace, whatever the GitLab side
		// answers (a redelivery has a trace of its own), so any status proves the hop.
		await().atMost(LOG_DEADLINE).untilAsserted(() -> {
			assertThat(ServiceLogs.messages(ServiceLogs.ofTrace(product.cdotOutput(), traceId)))
				.anySatisfy((message) -> assertThat(message).startsWith("POST /trials 201 "))
				.anySatisfy(
						(message) -> assertThat(message).startsWith("Webhook namespace_eligibility_changed for event ")
							.contains("http://localhost:" + product.gitlabPort() + "/hooks/cdot"));
			assertThat(ServiceLogs.messages(ServiceLogs.ofTrace(product.gitlabOutput(), traceId)))
				.anySatisfy((message) -> assertThat(message)
					.startsWith("POST /api/v1/namespaces/" + namespace + "/trials 201 "))
				.anySatisfy((message) -> assertThat(message).matches("POST /hooks/cdot \\d{3} \\d+ ms"));
		});
	}

	@Test
	void anErrorBodyCarriesTheTraceIdOfItsRequestsLogLine() throws Exception {
		HttpResponse<String> gitlabError = send(
				HttpRequest.newBuilder(gitlab("/api/v1/trial_eligibility?namespace_ids=abc")).GET());
		HttpResponse<String> cdotError = send(withCdotCredentials(
				HttpRequest.newBuilder(cdot("/api/v1/gitlab/namespaces/trials/eligibility?namespace_ids=abc")))
			.GET());
		assertThat(gitlabError.statusCode()).isEqualTo(400);
		assertThat(cdotError.statusCode()).isEqualTo(400);
		String gitlabTraceId = json.readTree(gitlabError.body()).path("trace_id").asString();
		String cdotTraceId = json.readTree(cdotError.body()).path("trace_id").asString();
		assertThat(List.of(gitlabTraceId, cdotTraceId)).allMatch((id) -> id.matches("[0-9a-f]{32}"))
			.doesNotHaveDuplicates();

		await().atMost(LOG_DEADLINE).untilAsserted(() -> {
			assertThat(ServiceLogs.messages(ServiceLogs.ofTrace(product.gitlabOutput(), gitlabTraceId)))
				.anySatisfy((message) -> assertThat(message).startsWith("GET /api/v1/trial_eligibility 400 "));
			assertThat(ServiceLogs.messages(ServiceLogs.ofTrace(product.cdotOutput(), cdotTraceId)))
				.anySatisfy((message) -> assertThat(message)
					.startsWith("GET /api/v1/gitlab/namespaces/trials/eligibility 400 "));
		});
	}

	private static String newTraceId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	/**
	 * A caller's W3C trace context: version 00, the trace, the caller's span, sampled.
	 */
	private static String traceparent(String traceId) {
		return "00-" + traceId + "-" + String.format("%016x", ThreadLocalRandom.current().nextLong() | 1) + "-01";
	}

	private static String ratePlanId(String name) throws Exception {
		JsonNode plans = cdotGet("/api/v1/catalog/classifications/all_gitlab_com_plans").get("plans");
		for (JsonNode plan : plans) {
			if (plan.get("name").asString().equals(name)) {
				return plan.get("id").asString();
			}
		}
		throw new AssertionError("No plan named " + name + " in the demo catalog");
	}

	private static List<String> types(JsonNode answer, long namespace) {
		List<String> types = new ArrayList<>();
		answer.get("namespaces")
			.get(Long.toString(namespace))
			.get("trial_types")
			.forEach((type) -> types.add(type.asString()));
		return types;
	}

	private static String state(JsonNode answer, long namespace) {
		return answer.get("namespaces").get(Long.toString(namespace)).get("state").asString();
	}

	private static double webhookInvalidations() throws IOException, InterruptedException {
		String metrics = send(HttpRequest.newBuilder(gitlab("/actuator/prometheus")).GET()).body();
		Matcher matcher = Pattern
			.compile("(?m)^gitlab_trial_eligibility_invalidations_total\\{[^}]*source=\"webhook\"[^}]*} (\\S+)$")
			.matcher(metrics);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
	}

	private static JsonNode cdotGet(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = send(withCdotCredentials(HttpRequest.newBuilder(cdot(path))).GET());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static HttpResponse<String> cdotPut(String path, String body) throws IOException, InterruptedException {
		return send(withCdotCredentials(HttpRequest.newBuilder(cdot(path))).header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString(body)));
	}

	private static JsonNode gitlabGet(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = send(HttpRequest.newBuilder(gitlab(path)).GET());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static HttpResponse<String> gitlabPost(String path, String body) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(gitlab(path))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body)));
	}

	private static HttpRequest.Builder withCdotCredentials(HttpRequest.Builder request) {
		return request.header("X-Admin-Email", LocalProduct.GITLAB_EMAIL)
			.header("X-Admin-Token", LocalProduct.GITLAB_TOKEN);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
	}

	private static URI cdot(String path) {
		return URI.create("http://localhost:" + product.cdotPort() + path);
	}

	private static URI gitlab(String path) {
		return URI.create("http://localhost:" + product.gitlabPort() + path);
	}

}

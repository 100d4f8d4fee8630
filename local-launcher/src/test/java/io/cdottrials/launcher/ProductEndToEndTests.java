package io.cdottrials.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * through CDot's signed webhook.
 */
class ProductEndToEndTests {

	private static final Duration WEBHOOK_DEADLINE = Duration.ofSeconds(2);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static LocalProduct product;

	@BeforeAll
	static void startProduct() throws Exception {
		product = LocalProduct.start(RepositoryLayout.locate(), LocalProduct.freePort(), LocalProduct.freePort());
	}

	@AfterAll
	static void stopProduct() {
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
	void everyMetricTheDashboardAndAlertsReadIsExported() throws Exception {
		// the counters of trial applications and webhook deliveries appear with the first
		// of each
		long namespace = 4_000_003;
		assertThat(gitlabPost("/api/v1/namespaces/" + namespace + "/trials",
				"{\"trial_type\": \"ultimate_with_dap\", \"uid\": 7}")
			.statusCode()).isEqualTo(201);
		await().atMost(WEBHOOK_DEADLINE)
			.until(() -> exportedMetrics().contains("cdot_notifications_webhook_deliveries_total"));

		Path ops = RepositoryLayout.locate().resolve("ops");
		Set<String> read = new TreeSet<>();
		read.addAll(
				metricsIn(Files.readString(ops.resolve("prometheus/rules.yml")), "(?m)^(?:\\s*expr: |\\s{10})(.*)$"));
		read.addAll(metricsIn(Files.readString(ops.resolve("grafana/dashboards/cdot-trials.json")),
				"\"expr\": \"((?:[^\"\\\\]|\\\\.)*)\""));
		assertThat(read).isNotEmpty()
			.contains("gitlab_sli_cdot_trial_eligibility_error_total", "gitlab_trial_eligibility_cache_gets_total");
		assertThat(exportedMetrics()).containsAll(read);
	}

	private static Set<String> metricsIn(String text, String expressionPattern) {
		Set<String> metrics = new TreeSet<>();
		Matcher expressions = Pattern.compile(expressionPattern).matcher(text);
		while (expressions.find()) {
			// recorded series (sli:...) are the rules' own output, not the services'
			String expression = expressions.group(1).replaceAll("sli:[a-z0-9_:]+", "");
			Matcher names = Pattern.compile("\\b(?:cdot|gitlab|resilience4j|http_server)_[a-z0-9_]+")
				.matcher(expression);
			while (names.find()) {
				metrics.add(names.group());
			}
		}
		return metrics;
	}

	private static Set<String> exportedMetrics() throws IOException, InterruptedException {
		Set<String> names = new TreeSet<>();
		for (URI scrape : List.of(cdot("/actuator/prometheus"), gitlab("/actuator/prometheus"))) {
			Matcher matcher = Pattern.compile("(?m)^([a-z_0-9]+)[{ ]")
				.matcher(send(HttpRequest.newBuilder(scrape).GET()).body());
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
		}
		return names;
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

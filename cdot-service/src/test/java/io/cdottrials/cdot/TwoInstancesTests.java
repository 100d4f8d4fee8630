package io.cdottrials.cdot;

import java.net.URI;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.cdottrials.model.NamespaceEligibilityChanged;
import io.cdottrials.testsupport.GeneratedCatalog;
import io.cdottrials.testsupport.TestPostgres;
import io.cdottrials.testsupport.WebhookReceiver;
import io.cdottrials.testsupport.ZuoraStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service on one database, as replicas behind a load balancer run: a
 * catalog sync runs on one at a time and every instance serves the new version within the
 * refresh interval; each change is delivered once per receiver URL whichever instance
 * took it, only a failed delivery is repeated; the trial-end sweep ends a trial once.
 */
class TwoInstancesTests {

	private static final Duration REFRESH_INTERVAL = Duration.ofSeconds(1);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final ZuoraStub zuora = ZuoraStub.shared();

	private static final WireMockServer receiver = new WireMockServer(options().dynamicPort());

	private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private static JdbcClient jdbc;

	@BeforeAll
	static void startTwoInstances() {
		receiver.start();
		receiver.stubFor(post(urlEqualTo("/hooks/a")).willReturn(aResponse().withStatus(200)));
		// the second receiver fails its first request, once
		receiver.stubFor(post(urlEqualTo("/hooks/b")).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		receiver.stubFor(post(urlEqualTo("/hooks/b")).inScenario("flaky")
			.whenScenarioStateIs("up")
			.willReturn(aResponse().withStatus(200)));
		zuora.reset();
		zuora.stubCatalog(40, GeneratedCatalog.products(8));
		TestPostgres.Database database = TestPostgres.newDatabase();
		instances.add(start(database));
		instances.add(start(database));
		jdbc = instances.get(0).getBean(JdbcClient.class);
	}

	@AfterAll
	static void stopInstances() {
		instances.forEach(ConfigurableApplicationContext::close);
		receiver.stop();
	}

	@Test
	void aSyncRunsOnOneInstanceAtATimeAndBothServeItsVersionWithinTheRefreshInterval() {
		zuora.server().resetRequests();
		String first = location(admin(0).post().uri("/api/v1/admin/catalog/syncs").retrieve().toBodilessEntity());
		String second = location(admin(1).post().uri("/api/v1/admin/catalog/syncs").retrieve().toBodilessEntity());

		JsonNode one = await().atMost(Duration.ofSeconds(20)).until(() -> run(0, first), this::finished);
		JsonNode other = await().atMost(Duration.ofSeconds(20)).until(() -> run(1, second), this::finished);

		List<JsonNode> succeeded = List.of(one, other)
			.stream()
			.filter((run) -> run.path("status").stringValue().equals("succeeded"))
			.toList();
		assertThat(succeeded).isNotEmpty();
		assertThat(List.of(one, other))
			.allSatisfy((run) -> assertThat(run.path("status").stringValue()).isIn("succeeded", "skipped"));
		if (succeeded.size() == 2) {
			assertThat(instant(one, "finished_at").isAfter(instant(other, "started_at"))
					&& instant(other, "finished_at").isAfter(instant(one, "started_at")))
				.as("two syncs overlapped")
				.isFalse();
		}
		long version = succeeded.stream()
			.mapToLong((run) -> run.path("catalog_version").longValue())
			.max()
			.orElseThrow();
		// every instance serves it within the refresh interval (plus the reload itself)
		for (int instance = 0; instance < 2; instance++) {
			int served = instance;
			await().atMost(REFRESH_INTERVAL.plusSeconds(2))
				.untilAsserted(() -> assertThat(catalogVersion(served)).isEqualTo(version));
		}
	}

	@Test
	void eachChangeIsDeliveredOncePerReceiverWhicheverInstanceTookIt() {
		// the next request to /hooks/b fails
		receiver.resetScenarios();
		long first = 7_000_000_000L + (System.nanoTime() % 1_000_000L) * 100;
		List<Long> namespaces = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			long namespaceId = first + i;
			namespaces.add(namespaceId);
			// alternating instances, as a load balancer spreads GitLab's calls
			gitlab(i % 2).put()
				.uri("/api/v1/gitlab/namespaces/{id}/subscription", namespaceId)
				.body(Map.of("items", List.of()))
				.retrieve()
				.toBodilessEntity();
		}

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(deliveredNamespaces("/hooks/a")).filteredOn(namespaces::contains)
				.containsExactlyInAnyOrderElementsOf(namespaces);
			assertThat(successfulNamespaces("/hooks/b")).filteredOn(namespaces::contains)
				.containsExactlyInAnyOrderElementsOf(namespaces);
		});
		// and nothing more arrives: two resubmitters never repeat a delivery
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() -> {
			assertThat(deliveredNamespaces("/hooks/a")).filteredOn(namespaces::contains).hasSize(namespaces.size());
			// plus the one retry of the failed request
			assertThat(deliveredNamespaces("/hooks/b")).filteredOn(namespaces::contains).hasSize(namespaces.size() + 1);
		});
		assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theTrialEndSweepEndsEachTrialOnce() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		long namespaceId = 8_000_000_000L + System.nanoTime() % 1_000_000_000L;
		// both instances run the sweep every second; the trial ends today and the last
		// sweep was yesterday's
		jdbc.sql("""
				insert into trials (namespace_id, trial_type, family, starts_on, ends_on, uid)
				values (?, 'ultimate_with_dap', 'ultimate', ?, ?, 42)""")
			.params(namespaceId, Date.valueOf(today.minusDays(30)), Date.valueOf(today))
			.update();
		jdbc.sql("""
				insert into trial_end_sweeps (name, swept_through) values ('trial-end-sweep', ?)
				on conflict (name) do update set swept_through = excluded.swept_through""")
			.param(Date.valueOf(today.minusDays(1)))
			.update();

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(deliveredNamespaces("/hooks/a")).contains(namespaceId));
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(4))
			.untilAsserted(() -> assertThat(deliveredNamespaces("/hooks/a")).containsOnlyOnce(namespaceId));
	}

	private static ConfigurableApplicationContext start(TestPostgres.Database database) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(CdotApplication.class)
			// command-line arguments: they win over application.yml (server.port=8080)
			.run("--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.username(),
					"--spring.datasource.password=" + database.password(), "--server.port=0",
					"--cdot.catalog.source=zuora", "--cdot.catalog.sync-on-startup=false",
					"--cdot.catalog.refresh-interval=" + REFRESH_INTERVAL.toMillis() + "ms",
					"--cdot.zuora.base-url=" + zuora.baseUrl(), "--cdot.zuora.client-id=test-client",
					"--cdot.zuora.client-secret=test-secret", "--cdot.zuora.page-size=40",
					"--cdot.webhooks.gitlab.urls=" + receiver.baseUrl() + "/hooks/a," + receiver.baseUrl() + "/hooks/b",
					"--cdot.webhooks.gitlab.secret=" + WebhookReceiver.SECRET,
					"--cdot.webhooks.gitlab.retry-interval=PT0.3S", "--cdot.webhooks.gitlab.initial-backoff=200ms",
					"--cdot.webhooks.gitlab.max-backoff=1s", "--cdot.trials.end-sweep-cron=* * * * * *");
		TestPostgres.usedBy(context);
		return context;
	}

	private static int port(int instance) {
		return ((WebServerApplicationContext) instances.get(instance)).getWebServer().getPort();
	}

	private static RestClient admin(int instance) {
		return RestClient.builder()
			.baseUrl("http://localhost:" + port(instance))
			.defaultHeaders((headers) -> headers.setBearerAuth("test-admin-token"))
			.build();
	}

	private static RestClient gitlab(int instance) {
		return RestClient.builder().baseUrl("http://localhost:" + port(instance)).defaultHeaders((headers) -> {
			headers.set("X-Admin-Email", "gitlab@example.com");
			headers.set("X-Admin-Token", "test-gitlab-token");
			headers.setContentType(MediaType.APPLICATION_JSON);
		}).build();
	}

	private static String location(org.springframework.http.ResponseEntity<Void> accepted) {
		URI location = accepted.getHeaders().getLocation();
		assertThat(location).isNotNull();
		return location.getPath();
	}

	private JsonNode run(int instance, String path) {
		return json.readTree(admin(instance).get().uri(path).retrieve().body(String.class));
	}

	private boolean finished(JsonNode run) {
		return !run.path("finished_at").isNull() && !run.path("finished_at").isMissingNode();
	}

	private static Instant instant(JsonNode run, String field) {
		return Instant.parse(run.path(field).stringValue());
	}

	private static long catalogVersion(int instance) {
		return json
			.readTree(gitlab(instance).get().uri("/api/v1/catalog/classifications").retrieve().body(String.class))
			.path("catalog_version")
			.longValue();
	}

	/**
	 * The namespaces of every request the receiver got on {@code path}, repeats included.
	 */
	private static List<Long> deliveredNamespaces(String path) {
		return namespacesOf(receiver.findAll(postRequestedFor(urlEqualTo(path))).stream().map((r) -> r.getBody()));
	}

	/** The namespaces of the requests on {@code path} that were answered 200. */
	private static List<Long> successfulNamespaces(String path) {
		return namespacesOf(receiver.getAllServeEvents()
			.stream()
			.filter((event) -> event.getRequest().getUrl().equals(path))
			.filter((event) -> event.getResponse().getStatus() == 200)
			.map((event) -> event.getRequest().getBody()));
	}

	private static List<Long> namespacesOf(java.util.stream.Stream<byte[]> bodies) {
		return bodies.flatMap((body) -> json.readValue(body, NamespaceEligibilityChanged.class).namespaceIds().stream())
			.toList();
	}

}

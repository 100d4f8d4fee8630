package io.cdottrials.testsupport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.cdottrials.model.NamespaceEligibilityChanged;
import io.cdottrials.model.WebhookSignature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * Base of the full integration tests of subscriptions, eligibility, trials and
 * notifications: one application context for all of them (real HTTP on a random port,
 * real PostgreSQL, the fixture catalog, webhooks to {@link WebhookReceiver}, analytics
 * events to {@link SnowplowCollector}). Each test works on namespace ids of its own, so
 * tests never see each other's rows.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cdot.webhooks.gitlab.secret=" + WebhookReceiver.SECRET,
				"cdot.webhooks.gitlab.retry-interval=PT0.3S", "cdot.webhooks.gitlab.initial-backoff=200ms",
				"cdot.webhooks.gitlab.max-backoff=1s", "cdot.trials.apdex-threshold=10s",
				"cdot.webhooks.gitlab.read-timeout=2s", "cdot.trials.durations.gitlab_duo_pro.next-duration-days=45",
				"cdot.trials.durations.gitlab_duo_pro.next-active-time=2030-01-01T00:00:00Z",
				"cdot.analytics.retry-interval=PT0.5S" })
@AutoConfigureTestRestTemplate
@Import(IntegrationFixtures.class)
public abstract class CdotIntegrationTest {

	private static final AtomicLong namespaceIds = new AtomicLong(
			ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000) * 1000);

	@Autowired
	protected TestRestTemplate rest;

	@DynamicPropertySource
	static void webhookReceiver(DynamicPropertyRegistry registry) {
		registry.add("cdot.webhooks.gitlab.urls", WebhookReceiver::url);
		registry.add("cdot.analytics.collector-url", SnowplowCollector::url);
	}

	/**
	 * A namespace id no other test uses.
	 * @return a fresh id
	 */
	protected static long newNamespaceId() {
		return namespaceIds.incrementAndGet();
	}

	/**
	 * The current value of a Prometheus series as the service exposes it, summed over its
	 * label sets: tests compare it before and after, since other tests of the same
	 * context count too.
	 * @param series a metric name, or a name with its full label set
	 * @return the sum, 0 before the first sample
	 */
	protected double scrape(String series) {
		return this.rest.getForObject("/actuator/prometheus", String.class)
			.lines()
			.filter((line) -> line.startsWith(series + " ") || line.startsWith(series + "{"))
			.filter((line) -> !series.contains("{") || line.startsWith(series))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	protected static HttpHeaders gitlabHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Admin-Email", "gitlab@example.com");
		headers.set("X-Admin-Token", "test-gitlab-token");
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

	protected static HttpHeaders adminHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth("test-admin-token");
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

	protected ResponseEntity<String> gitlab(HttpMethod method, String path, Object body) {
		return this.rest.exchange(path, method, new HttpEntity<>(body, gitlabHeaders()), String.class);
	}

	protected ResponseEntity<String> gitlabGet(String path) {
		return this.rest.exchange(path, HttpMethod.GET, new HttpEntity<>(gitlabHeaders()), String.class);
	}

	protected ResponseEntity<String> subscribe(long namespaceId, List<Map<String, Object>> items) {
		return gitlab(HttpMethod.PUT, "/api/v1/gitlab/namespaces/" + namespaceId + "/subscription",
				Map.of("items", items));
	}

	protected ResponseEntity<String> applyTrial(long namespaceId, String trialType) {
		return gitlab(HttpMethod.POST, "/api/v1/gitlab/namespaces/" + namespaceId + "/trials", Map.of("trial_type",
				trialType, "uid", 42, "namespace", Map.of("name", "Acme", "path", "acme", "kind", "group")));
	}

	protected static Map<String, Object> item(String ratePlanId, String startsOn, String endsOn) {
		return Map.of("product_rate_plan_id", ratePlanId, "quantity", 10, "starts_on", startsOn, "ends_on", endsOn);
	}

	/**
	 * Every webhook the receiver got so far, parsed, with its signature header.
	 * @param jsonMapper reads the bodies
	 * @return the deliveries in arrival order
	 */
	protected static List<Delivery> deliveries(JsonMapper jsonMapper) {
		return WebhookReceiver.server()
			.findAll(postRequestedFor(urlEqualTo(WebhookReceiver.PATH)))
			.stream()
			.map((request) -> new Delivery(jsonMapper.readValue(request.getBody(), NamespaceEligibilityChanged.class),
					request.getBody(), request.getHeader(WebhookSignature.HEADER)))
			.toList();
	}

	/**
	 * One webhook as the receiver saw it.
	 *
	 * @param event the parsed body
	 * @param body the exact bytes
	 * @param signature the {@code X-CDot-Signature} header
	 */
	protected record Delivery(NamespaceEligibilityChanged event, byte[] body, String signature) {
	}

}

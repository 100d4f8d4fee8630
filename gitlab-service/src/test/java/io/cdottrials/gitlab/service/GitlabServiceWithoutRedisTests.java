package io.cdottrials.gitlab.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cdottrials.gitlab.testsupport.CdotStub;
import io.cdottrials.gitlab.testsupport.TestNamespaces;
import io.cdottrials.model.NamespaceEligibilityChanged;
import io.cdottrials.model.WebhookSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service with Redis refusing connections: reads still answer (from CDot), and
 * invalidations say 503 so that CDot redelivers its webhook rather than believing the
 * cache was cleared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.data.redis.url=redis://127.0.0.1:1", "spring.data.redis.timeout=200ms",
				"spring.data.redis.connect-timeout=200ms",
				// the first call of a cold JVM on a loaded machine can take longer than
				// the
				// production 2 s, and this class is about Redis, not CDot's latency
				"gitlab.cdot.read-timeout=10s" })
class GitlabServiceWithoutRedisTests {

	@RegisterExtension
	static final CdotStub cdot = new CdotStub();

	static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void cdotUrl(DynamicPropertyRegistry registry) {
		registry.add("gitlab.cdot.base-url", cdot::baseUrl);
	}

	@Test
	void readsAnswerFromCdot() throws Exception {
		long id = TestNamespaces.next();
		cdot.answers(Map.of(id, List.of("ultimate_with_dap")));

		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/api/v1/trial_eligibility?namespace_ids=" + id)).GET());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json.readTree(response.body()).at("/namespaces/" + id))
			.isEqualTo(json.readTree("{\"trial_types\":[\"ultimate_with_dap\"],\"state\":\"fresh\"}"));
	}

	@Test
	void webhookAsksForARedeliveryWhenItCannotInvalidate() throws Exception {
		String body = json.writeValueAsString(NamespaceEligibilityChanged.of(UUID.randomUUID(),
				List.of(TestNamespaces.next()), "trial_started", Instant.now()));
		String signature = WebhookSignature.sign("test-webhook-secret", body.getBytes(StandardCharsets.UTF_8),
				Instant.now());

		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/hooks/cdot"))
			.header("Content-Type", "application/json")
			.header(WebhookSignature.HEADER, signature)
			.POST(HttpRequest.BodyPublishers.ofString(body)));

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		assertThat(json.readTree(response.body()).at("/errors/0").asString())
			.isEqualTo("The eligibility cache is unavailable, try again later");
	}

	@Test
	void adminDeleteSaysTheCacheIsUnavailable() throws Exception {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/api/v1/trial_eligibility/" + TestNamespaces.next()))
					.header("Authorization", "Bearer test-admin-token")
					.DELETE());

		assertThat(response.statusCode()).isEqualTo(503);
	}

	private URI uri(String pathAndQuery) {
		return URI.create("http://localhost:" + this.port + pathAndQuery);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}

package io.cdottrials.cdot.platform;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.cdottrials.testsupport.CdotIntegrationTest;
import io.cdottrials.testsupport.FixturePlans;
import io.cdottrials.testsupport.WebhookReceiver;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * W3C trace context through CDot: the webhook a change causes goes out, after the
 * transaction and on another thread, in the trace of the request that made the change; an
 * error body names the trace that its log line carries.
 */
@ExtendWith(OutputCaptureExtension.class)
class TraceContextTests extends CdotIntegrationTest {

	private static final String ELIGIBILITY = "/api/v1/gitlab/namespaces/trials/eligibility";

	@Autowired
	private JsonMapper jsonMapper;

	@Test
	void theWebhookOfAChangeCarriesTheTraceOfTheRequestThatMadeIt() {
		long namespaceId = newNamespaceId();
		String traceId = "5bf92f3577b34da6a3ce929d0e0e4736";
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		HttpHeaders headers = gitlabHeaders();
		headers.set("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");

		ResponseEntity<String> changed = this.rest
			.exchange("/api/v1/gitlab/namespaces/" + namespaceId + "/subscription", HttpMethod.PUT,
					new HttpEntity<>(Map.of("items", List
						.of(item(FixturePlans.COM_PREMIUM.id(), today.toString(), today.plusYears(1).toString()))),
							headers),
					String.class);

		assertThat(changed.getStatusCode().value()).isEqualTo(200);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(WebhookReceiver.server()
				.findAll(postRequestedFor(urlEqualTo(WebhookReceiver.PATH)))
				.stream()
				.filter((request) -> request.getBodyAsString().contains("[" + namespaceId + "]"))
				.map((request) -> request.getHeader("traceparent"))
				.toList())
				// a redelivery by the resubmitter runs in a trace of its own
				// (docs/operations.md)
				.anySatisfy((traceparent) -> assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01")));
	}

	@Test
	void anErrorBodyNamesTheCallersTraceAndSoDoesTheRequestsLogLine(CapturedOutput output) {
		String traceId = "6bf92f3577b34da6a3ce929d0e0e4736";
		HttpHeaders headers = gitlabHeaders();
		headers.set("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");

		ResponseEntity<String> refused = this.rest.exchange(ELIGIBILITY + "?namespace_ids=abc", HttpMethod.GET,
				new HttpEntity<>(headers), String.class);

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		JsonNode problem = this.jsonMapper.readTree(refused.getBody());
		assertThat(problem.path("success").asBoolean(true)).isFalse();
		assertThat(problem.path("trace_id").asString()).isEqualTo(traceId);
		assertThat(output.getOut().lines()).anySatisfy((line) -> assertThat(line).contains(traceId)
			.contains("RequestLogFilter")
			.contains("GET " + ELIGIBILITY + " 400 "));
	}

	@Test
	void aCallerWithoutTraceContextGetsATraceOfItsOwnInTheErrorBody() {
		ResponseEntity<String> refused = gitlabGet(ELIGIBILITY + "?namespace_ids=0");

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(this.jsonMapper.readTree(refused.getBody()).path("trace_id").asString()).matches("[0-9a-f]{32}");
	}

	@Test
	void aRefusedCredentialIsAnsweredInTheCallersTraceToo() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		HttpHeaders headers = new HttpHeaders();
		headers.set("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");

		ResponseEntity<String> refused = this.rest.exchange(ELIGIBILITY + "?namespace_ids=1", HttpMethod.GET,
				new HttpEntity<>(headers), String.class);

		assertThat(refused.getStatusCode().value()).isEqualTo(401);
		JsonNode problem = this.jsonMapper.readTree(refused.getBody());
		assertThat(problem.path("success").asBoolean(true)).isFalse();
		assertThat(problem.path("trace_id").asString()).isEqualTo(traceId);
	}

}

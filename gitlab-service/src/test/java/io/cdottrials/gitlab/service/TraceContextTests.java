package io.cdottrials.gitlab.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.cdottrials.gitlab.testsupport.CdotStub;
import io.cdottrials.gitlab.testsupport.TestNamespaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * W3C trace context through the service: a caller's {@code traceparent} goes on to CDot
 * in the same trace, and an error body names the trace that its log line carries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class TraceContextTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";

	private static final String TRACEPARENT = "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01";

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
	void aCacheMissAsksCdotInTheCallersTrace() throws Exception {
		long id = TestNamespaces.next();
		cdot.answers(Map.of(id, List.of("ultimate_with_dap")));

		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/api/v1/trial_eligibility?namespace_ids=" + id))
					.header("traceparent", TRACEPARENT));

		assertThat(response.statusCode()).isEqualTo(200);
		List<String> sent = cdot.server()
			.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo(CdotStub.ELIGIBILITY)))
			.stream()
			.map((request) -> request.getHeader("traceparent"))
			.toList();
		// the same trace, the sampling decision kept, a span of this service as parent
		assertThat(sent).singleElement()
			.asString()
			.matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
			.doesNotContain(CALLER_SPAN_ID);
	}

	@Test
	void anErrorBodyNamesTheCallersTraceAndSoDoesTheRequestsLogLine(CapturedOutput output) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/trial_eligibility?namespace_ids=abc"))
			.header("traceparent", TRACEPARENT));

		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("success").asBoolean(true)).isFalse();
		assertThat(problem.path("trace_id").asString()).isEqualTo(TRACE_ID);
		assertThat(output.getOut().lines()).anySatisfy((line) -> assertThat(line).contains(TRACE_ID)
			.contains("RequestLogFilter")
			.contains("GET /api/v1/trial_eligibility 400 "));
	}

	@Test
	void aCallerWithoutTraceContextGetsATraceOfItsOwnInTheErrorBody() throws Exception {
		HttpResponse<String> first = send(HttpRequest.newBuilder(uri("/api/v1/trial_eligibility?namespace_ids=0")));
		HttpResponse<String> second = send(HttpRequest.newBuilder(uri("/api/v1/trial_eligibility?namespace_ids=0")));

		String firstTraceId = json.readTree(first.body()).path("trace_id").asString();
		String secondTraceId = json.readTree(second.body()).path("trace_id").asString();
		assertThat(firstTraceId).matches("[0-9a-f]{32}").isNotEqualTo(secondTraceId);
		assertThat(secondTraceId).matches("[0-9a-f]{32}");
	}

	private URI uri(String pathAndQuery) {
		return URI.create("http://localhost:" + this.port + pathAndQuery);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}

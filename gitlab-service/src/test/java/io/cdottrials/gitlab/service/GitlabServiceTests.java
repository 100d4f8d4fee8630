package io.cdottrials.gitlab.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.cdottrials.gitlab.testsupport.CdotStub;
import io.cdottrials.gitlab.testsupport.TestNamespaces;
import io.cdottrials.model.NamespaceEligibilityChanged;
import io.cdottrials.model.TrialType;
import io.cdottrials.model.WebhookSignature;
import io.cdottrials.web.test.ProblemAssertions;
import io.cdottrials.web.test.RawHttp;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runnable service over real HTTP, on the shared Redis and a WireMock CDot: the
 * endpoints GitLab UI backends call, CDot's webhook, the operators' endpoint, errors,
 * OpenAPI and metrics. One application context for all nested groups.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "gitlab.trial-eligibility.cdot-breaker.minimum-number-of-calls=1000")
class GitlabServiceTests {

	static final String DAP = TrialType.ULTIMATE_WITH_DAP.wireName();

	static final String SECRET = "test-webhook-secret";

	@RegisterExtension
	static final CdotStub cdot = new CdotStub();

	static final JsonMapper json = JsonMapper.builder().build();

	static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	StringRedisTemplate redis;

	@DynamicPropertySource
	static void cdotUrl(DynamicPropertyRegistry registry) {
		registry.add("gitlab.cdot.base-url", cdot::baseUrl);
	}

	Reply get(String pathAndQuery) {
		return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
	}

	Reply post(String path, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request);
	}

	Reply delete(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).DELETE();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request);
	}

	URI uri(String pathAndQuery) {
		return URI.create("http://localhost:" + this.port + pathAndQuery);
	}

	Reply send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Sends a query string exactly as written (GitLab's clients send {@code []} raw). */
	Reply rawGet(String pathAndQuery) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int status = Integer.parseInt(response.substring(9, 12));
			return new Reply(status, response.substring(response.indexOf("\r\n\r\n") + 4), "");
		}
	}

	record Reply(int status, String body, String contentType) {

		JsonNode json() {
			return GitlabServiceTests.json.readTree(this.body);
		}

		List<String> errors() {
			List<String> errors = new ArrayList<>();
			json().path("errors").forEach((error) -> errors.add(error.asString()));
			return errors;
		}

	}

	@Nested
	class Eligibility {

		@Test
		void answersEveryNamespaceOnceWithItsState() {
			long a = TestNamespaces.next();
			long b = TestNamespaces.next();
			cdot.answers(Map.of(a, List.of(DAP), b, List.of()));

			Reply reply = get("/api/v1/trial_eligibility?namespace_ids=" + a + "," + b + "," + a);

			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.json()).isEqualTo(json.readTree(
					"{\"namespaces\":{\"" + a + "\":{\"trial_types\":[\"ultimate_with_dap\"],\"state\":\"fresh\"},\""
							+ b + "\":{\"trial_types\":[],\"state\":\"fresh\"}},\"success\":true}"));
		}

		@Test
		void acceptsRepeatedAndBracketedParameters() throws IOException {
			long a = TestNamespaces.next();
			long b = TestNamespaces.next();
			cdot.answers(Map.of(a, List.of(DAP), b, List.of(DAP)));

			Reply repeated = get("/api/v1/trial_eligibility?namespace_ids=" + a + "&namespace_ids=" + b);
			Reply encoded = get("/api/v1/trial_eligibility?namespace_ids%5B%5D=" + a + "&namespace_ids%5B%5D=" + b);
			Reply raw = rawGet("/api/v1/trial_eligibility?namespace_ids[]=" + a + "&namespace_ids[]=" + b);

			for (Reply reply : List.of(repeated, encoded, raw)) {
				assertThat(reply.status()).isEqualTo(200);
				assertThat(fieldNames(reply.json().get("namespaces"))).containsExactly(Long.toString(a),
						Long.toString(b));
			}
		}

		@Test
		void acceptsLongListsByPost() {
			List<Long> ids = LongStream.range(0, 1000).map((i) -> TestNamespaces.next()).boxed().toList();
			cdot.answers(Map.of(ids.get(999), List.of(DAP)));

			Reply reply = post("/api/v1/trial_eligibility", json.writeValueAsString(Map.of("namespace_ids", ids)));

			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.json().get("namespaces").size()).isEqualTo(1000);
			assertThat(reply.json().at("/namespaces/" + ids.get(999) + "/trial_types/0").asString()).isEqualTo(DAP);
			assertThat(cdot.eligibilityRequests()).hasSize(1);
		}

		@Test
		void cdotDownIsAnAnswerMarkedDegradedNotAnError() {
			long id = TestNamespaces.next();
			cdot.fails();

			Reply reply = get("/api/v1/trial_eligibility?namespace_ids=" + id);

			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.json().at("/namespaces/" + id))
				.isEqualTo(json.readTree("{\"trial_types\":[],\"state\":\"degraded\"}"));
		}

	}

	@Nested
	class BadInput {

		static Stream<Arguments> badQueries() {
			String tooMany = LongStream.rangeClosed(1, 1001).mapToObj(Long::toString).collect(Collectors.joining(","));
			return Stream.of(Arguments.of("", "namespace_ids is required"),
					Arguments.of("?namespace_ids=", "must not contain empty values"),
					Arguments.of("?namespace_ids=abc", "positive integers only, not 'abc'"),
					Arguments.of("?namespace_ids=-1", "positive integers only, not '-1'"),
					Arguments.of("?namespace_ids=0", "positive integers only, not '0'"),
					Arguments.of("?namespace_ids=1,,2", "must not contain empty values"),
					Arguments.of("?namespace_ids=1.5", "positive integers only, not '1.5'"),
					Arguments.of("?namespace_ids=99999999999999999999", "positive integers only"),
					Arguments.of("?namespace_ids=" + tooMany, "at most 1000 namespaces, not 1001"));
		}

		@ParameterizedTest
		@MethodSource("badQueries")
		void getRejectsBadIdsWithA400(String query, String error) {
			assertBadRequest(get("/api/v1/trial_eligibility" + query), error);
		}

		static Stream<Arguments> badBodies() {
			String tooMany = LongStream.rangeClosed(1, 1001).mapToObj(Long::toString).collect(Collectors.joining(","));
			return Stream.of(Arguments.of("{\"namespace_ids\": [1,", "not valid JSON"),
					Arguments.of("", "must be a JSON object"), Arguments.of("[1, 2]", "must be a JSON object"),
					Arguments.of("{}", "namespace_ids is required"),
					Arguments.of("{\"namespace_ids\": null}", "namespace_ids is required"),
					Arguments.of("{\"namespace_ids\": []}", "namespace_ids is required"),
					Arguments.of("{\"namespace_ids\": \"1,2\"}", "must be an array"),
					Arguments.of("{\"namespace_ids\": [\"a\"]}", "positive integers only, not \"a\""),
					Arguments.of("{\"namespace_ids\": [\"1\"]}", "positive integers only"),
					Arguments.of("{\"namespace_ids\": [1.5]}", "positive integers only, not 1.5"),
					Arguments.of("{\"namespace_ids\": [-3]}", "positive integers only, not -3"),
					Arguments.of("{\"namespace_ids\": [0]}", "positive integers only, not 0"),
					Arguments.of("{\"namespace_ids\": [null]}", "positive integers only, not null"),
					Arguments.of("{\"namespace_ids\": [" + tooMany + "]}", "at most 1000 namespaces, not 1001"),
					Arguments.of("{\"namespace_ids\": [" + "1,".repeat(40_000) + "1]}", "must not be larger than"));
		}

		@ParameterizedTest
		@MethodSource("badBodies")
		void postRejectsBadBodiesWithA400(String body, String error) {
			assertBadRequest(post("/api/v1/trial_eligibility", body), error);
		}

		@Test
		void adminDeleteRejectsANonNumericId() {
			assertBadRequest(delete("/api/v1/trial_eligibility/abc", "Authorization", "Bearer test-admin-token"),
					"'namespace_id' must be a positive integer");
			assertBadRequest(delete("/api/v1/trial_eligibility/0", "Authorization", "Bearer test-admin-token"),
					"namespace_id must be a positive integer");
		}

		@ParameterizedTest
		@ValueSource(strings = { "%ZZ", "%C0%AE", "%", "1%2", "%00" })
		void malformedPercentEncodingInTheQueryIsA400Problem(String value) {
			RawHttp.Reply reply = RawHttp.send(port, "GET", "/api/v1/trial_eligibility?namespace_ids=" + value,
					Map.of(), null);

			ProblemAssertions.assertClientProblem(reply, 400);
		}

		@ParameterizedTest
		@ValueSource(strings = { "namespace_ids=1\u0000", "namespace_ids=%00", "namespace_ids\u0000=1" })
		void aFormBodyTheFirewallRejectsIsA4xxProblem(String body) {
			RawHttp.Reply reply = RawHttp.send(port, "POST", "/api/v1/trial_eligibility",
					Map.of("Content-Type", "application/x-www-form-urlencoded"), body.getBytes(StandardCharsets.UTF_8));

			ProblemAssertions.assertClientProblem(reply, 400, 415);
		}

		@Test
		void unknownPathsAreA404InTheSameShape() {
			Reply reply = get("/api/v1/nothing_here");
			assertThat(reply.status()).isEqualTo(404);
			assertThat(reply.json().get("success").asBoolean()).isFalse();
		}

	}

	@Nested
	class Trials {

		static final String TRIAL = "{\"trial_type\":\"ultimate_with_dap\",\"uid\":42,\"namespace\":{\"name\":\"Acme\",\"path\":\"acme\",\"kind\":\"group\"},\"glm_source\":\"gitlab.com\"}";

		@Test
		void relaysCdots201AndInvalidates() {
			long id = TestNamespaces.next();
			cdot.answers(Map.of(id, List.of(DAP)));
			get("/api/v1/trial_eligibility?namespace_ids=" + id);
			assertThat(holdsAnswer(id)).isTrue();
			cdot.server()
				.stubFor(WireMock.post("/trials")
					.withHeader("X-Admin-Email", WireMock.equalTo(CdotStub.ADMIN_EMAIL))
					.withHeader("X-Admin-Token", WireMock.equalTo(CdotStub.ADMIN_TOKEN))
					.withRequestBody(WireMock.equalToJson("{\"uid\":42,\"trial_user\":{\"namespace_id\":" + id
							+ ",\"namespace\":{\"id\":" + id
							+ ",\"name\":\"Acme\",\"path\":\"acme\",\"kind\":\"group\"},\"trial_type\":\"ultimate_with_dap\","
							+ "\"gitlab_com_trial\":true,\"sync_to_gl\":true,\"glm_source\":\"gitlab.com\"}}"))
					.willReturn(WireMock.jsonResponse("{\"trial\":{\"id\":9,\"namespace_id\":" + id
							+ ",\"trial_type\":\"ultimate_with_dap\",\"starts_on\":\"2026-01-01\",\"ends_on\":\"2026-01-31\"},\"success\":true}",
							201)));

			Reply reply = post("/api/v1/namespaces/" + id + "/trials", TRIAL);

			assertThat(reply.status()).isEqualTo(201);
			assertThat(reply.json().at("/trial/namespace_id").asLong()).isEqualTo(id);
			assertThat(reply.json().at("/trial/ends_on").asString()).isEqualTo("2026-01-31");
			assertThat(holdsAnswer(id)).isFalse();
		}

		@Test
		void addOnTrialsGoToGitlabsCreateAddonPath() {
			long id = TestNamespaces.next();
			cdot.server()
				.stubFor(WireMock.post("/trials/create_addon")
					.withRequestBody(
							WireMock.matchingJsonPath("$.trial_user.namespace_id", WireMock.equalTo(Long.toString(id))))
					.withRequestBody(
							WireMock.matchingJsonPath("$.trial_user.trial_type", WireMock.equalTo("gitlab_duo_pro")))
					.willReturn(WireMock.jsonResponse("{\"trial\":{\"id\":10,\"namespace_id\":" + id
							+ ",\"trial_type\":\"gitlab_duo_pro\",\"starts_on\":\"2026-01-01\",\"ends_on\":\"2026-03-02\"},\"success\":true}",
							201)));

			Reply reply = post("/api/v1/namespaces/" + id + "/trials",
					"{\"trial_type\":\"gitlab_duo_pro\",\"uid\":42}");

			assertThat(reply.status()).isEqualTo(201);
			assertThat(reply.json().at("/trial/trial_type").asString()).isEqualTo("gitlab_duo_pro");
		}

		@Test
		void relaysCdots422AndItsErrors() {
			long id = TestNamespaces.next();
			cdot.server()
				.stubFor(WireMock.post("/trials")
					.willReturn(WireMock.jsonResponse(
							"{\"status\":422,\"success\":false,\"errors\":[\"family_unused: the namespace already had an ultimate_free trial\"],\"rules\":[\"family_unused\"]}",
							422)));

			Reply reply = post("/api/v1/namespaces/" + id + "/trials", TRIAL);

			assertThat(reply.status()).isEqualTo(422);
			assertThat(reply.errors())
				.containsExactly("family_unused: the namespace already had an ultimate_free trial");
			assertThat(reply.json().at("/rules/0").asString()).isEqualTo("family_unused");
		}

		@Test
		void relaysCdots400() {
			long id = TestNamespaces.next();
			cdot.server()
				.stubFor(WireMock.post("/trials")
					.willReturn(WireMock
						.jsonResponse("{\"success\":false,\"errors\":[\"namespace.kind must be group\"]}", 400)));

			Reply reply = post("/api/v1/namespaces/" + id + "/trials",
					"{\"trial_type\":\"ultimate_with_dap\",\"uid\":42,\"namespace\":{\"kind\":\"user\"}}");

			assertBadRequest(reply, "namespace.kind must be group");
		}

		@Test
		void cdotDownIsA503NeverA500() {
			long id = TestNamespaces.next();
			cdot.server()
				.stubFor(WireMock.post("/trials")
					.willReturn(WireMock.aResponse()
						.withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

			Reply reply = post("/api/v1/namespaces/" + id + "/trials", TRIAL);

			assertThat(reply.status()).isEqualTo(503);
			assertThat(reply.errors()).containsExactly("CDot is unavailable, try again later");
		}

		@Test
		void rejectsBadApplicationsWithoutAskingCdot() {
			assertBadRequest(post("/api/v1/namespaces/5/trials", "{\"uid\":42}"), "trial_type is required");
			assertBadRequest(post("/api/v1/namespaces/5/trials", "{\"trial_type\":\"ultimate_with_dap\"}"),
					"uid is required");
			assertBadRequest(post("/api/v1/namespaces/5/trials", "{\"trial_type\":"), "the body is not valid JSON");
			assertBadRequest(post("/api/v1/namespaces/5/trials", "{\"trial_type\":\"x\",\"uid\":\"abc\"}"),
					"'uid' has the wrong type");
			assertBadRequest(post("/api/v1/namespaces/5/trials", "{\"trial_type\":\"x\",\"uid\":1,\"namespace\":[1]}"),
					"'namespace' has the wrong type");
			assertBadRequest(post("/api/v1/namespaces/5/trials", "[]"), "the body must be a JSON object");
			assertBadRequest(post("/api/v1/namespaces/5/trials", ""), "the body must be a JSON object");
			assertBadRequest(post("/api/v1/namespaces/5/trials", "{\"glm_source\":\"" + "x".repeat(70_000) + "\"}"),
					"must not be larger than");
			assertBadRequest(post("/api/v1/namespaces/5/trials", "{\"trial_type\":\"x\",\"uid\":-4}"),
					"uid must be a positive integer");
			assertBadRequest(post("/api/v1/namespaces/0/trials", TRIAL), "namespace_id must be a positive integer");
			assertBadRequest(post("/api/v1/namespaces/abc/trials", TRIAL), "'namespace_id' must be a positive integer");
			assertThat(cdot.server().getAllServeEvents()).isEmpty();
		}

	}

	@Nested
	class Webhook {

		@Test
		void invalidatesOnceAndAcknowledgesRedeliveries() {
			long id = TestNamespaces.next();
			cdot.answers(Map.of(id, List.of(DAP)));
			get("/api/v1/trial_eligibility?namespace_ids=" + id);
			String body = event(UUID.randomUUID(), id);

			Reply first = post("/hooks/cdot", body, WebhookSignature.HEADER, sign(body, Instant.now()));
			boolean cachedAfterFirst = holdsAnswer(id);
			get("/api/v1/trial_eligibility?namespace_ids=" + id);
			Reply again = post("/hooks/cdot", body, WebhookSignature.HEADER, sign(body, Instant.now()));

			assertThat(first.status()).isEqualTo(202);
			assertThat(cachedAfterFirst).isFalse();
			assertThat(again.status()).isEqualTo(200);
			assertThat(again.json().get("status").asString()).isEqualTo("duplicate");
			assertThat(holdsAnswer(id)).isTrue();
		}

		@Test
		void rejectsABadSignature() {
			String body = event(UUID.randomUUID(), TestNamespaces.next());
			String signature = WebhookSignature.sign("not-the-secret", body.getBytes(StandardCharsets.UTF_8),
					Instant.now());

			Reply reply = post("/hooks/cdot", body, WebhookSignature.HEADER, signature);

			assertThat(reply.status()).isEqualTo(401);
			assertThat(reply.errors()).containsExactly("X-CDot-Signature does not match the body");
		}

		@Test
		void rejectsATamperedBody() {
			String body = event(UUID.randomUUID(), 5);
			Reply reply = post("/hooks/cdot", body.replace("5", "6"), WebhookSignature.HEADER,
					sign(body, Instant.now()));
			assertThat(reply.status()).isEqualTo(401);
		}

		@Test
		void rejectsAnOldTimestamp() {
			String body = event(UUID.randomUUID(), TestNamespaces.next());

			Reply reply = post("/hooks/cdot", body, WebhookSignature.HEADER,
					sign(body, Instant.now().minusSeconds(301)));

			assertThat(reply.status()).isEqualTo(401);
			assertThat(reply.errors()).containsExactly("X-CDot-Signature timestamp is older than 5 minutes");
		}

		@Test
		void rejectsATimestampTooFarInTheFutureAsInTheFuture() {
			String body = event(UUID.randomUUID(), TestNamespaces.next());

			// a whole minute past the 5-minute tolerance: the header carries whole
			// seconds,
			// so 301 s ahead read as 300 when the check ran in the next second
			Reply reply = post("/hooks/cdot", body, WebhookSignature.HEADER,
					sign(body, Instant.now().plusSeconds(360)));

			assertThat(reply.status()).isEqualTo(401);
			assertThat(reply.errors()).containsExactly("X-CDot-Signature timestamp is in the future");
		}

		@Test
		void rejectsAMissingSignature() {
			Reply reply = post("/hooks/cdot", event(UUID.randomUUID(), 5));
			assertThat(reply.status()).isEqualTo(401);
			assertThat(reply.errors()).containsExactly("X-CDot-Signature is missing");
		}

		@Test
		void rejectsASignedBodyThatIsNotAnEvent() {
			String body = "{\"event\":\"namespace_eligibility_changed\",\"event_id\":\"" + UUID.randomUUID()
					+ "\",\"namespace_ids\":[]}";
			assertBadRequest(post("/hooks/cdot", body, WebhookSignature.HEADER, sign(body, Instant.now())),
					"namespace_ids must be a non-empty list");
			String notJson = "hello";
			assertBadRequest(post("/hooks/cdot", notJson, WebhookSignature.HEADER, sign(notJson, Instant.now())),
					"not a namespace_eligibility_changed event");
		}

		private String event(UUID eventId, long namespaceId) {
			return json.writeValueAsString(NamespaceEligibilityChanged.of(eventId, List.of(namespaceId),
					"trial_started", Instant.parse("2026-11-23T10:00:00Z")));
		}

		private String sign(String body, Instant at) {
			return WebhookSignature.sign(SECRET, body.getBytes(StandardCharsets.UTF_8), at);
		}

	}

	@Nested
	class Admin {

		@Test
		void deleteNeedsTheAdminToken() {
			Reply none = delete("/api/v1/trial_eligibility/5");
			Reply wrong = delete("/api/v1/trial_eligibility/5", "Authorization", "Bearer nope");

			for (Reply reply : List.of(none, wrong)) {
				assertThat(reply.status()).isEqualTo(401);
				assertThat(reply.contentType()).startsWith("application/problem+json");
				assertThat(reply.errors()).containsExactly("Missing or invalid credentials");
			}
		}

		@Test
		void deleteDropsTheCachedAnswer() {
			long id = TestNamespaces.next();
			cdot.answers(Map.of(id, List.of(DAP)));
			get("/api/v1/trial_eligibility?namespace_ids=" + id);

			Reply reply = delete("/api/v1/trial_eligibility/" + id, "Authorization", "Bearer test-admin-token");

			assertThat(reply.status()).isEqualTo(204);
			assertThat(holdsAnswer(id)).isFalse();
		}

	}

	@Nested
	class Documentation {

		@Test
		void openApiListsEveryEndpoint() {
			Reply reply = get("/v3/api-docs");

			assertThat(reply.status()).isEqualTo(200);
			JsonNode paths = reply.json().get("paths");
			assertThat(fieldNames(paths)).contains("/api/v1/trial_eligibility",
					"/api/v1/trial_eligibility/{namespace_id}", "/api/v1/namespaces/{namespace_id}/trials",
					"/hooks/cdot");
			assertThat(fieldNames(paths.get("/api/v1/trial_eligibility"))).contains("get", "post");
			assertThat(fieldNames(paths.get("/api/v1/trial_eligibility/{namespace_id}"))).contains("delete");
		}

		@Test
		void prometheusShowsTheCacheCdotBreakerAndSliMetrics() {
			String before = get("/actuator/prometheus").body();
			long id = TestNamespaces.next();
			cdot.answers(Map.of(id, List.of(DAP)));
			get("/api/v1/trial_eligibility?namespace_ids=" + id);
			cdot.fails();
			get("/api/v1/trial_eligibility?namespace_ids=" + TestNamespaces.next());
			get("/api/v1/trial_eligibility?namespace_ids=nope");

			Reply reply = get("/actuator/prometheus");

			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.body()).contains("gitlab_trial_eligibility_cache_gets_total{", "result=\"miss\"",
					"gitlab_cdot_calls_seconds_count{", "outcome=\"success\"", "outcome=\"error\"",
					"resilience4j_circuitbreaker_state{", "gitlab_trial_eligibility_answers_total{",
					"state=\"degraded\"", "gitlab_trial_eligibility_invalidations_total{", "source=\"webhook\"",
					"gitlab_sli_trial_eligibility_apdex_success_total");
			String after = reply.body();
			assertThat(counter(after, "gitlab_sli_trial_eligibility_total")
					- counter(before, "gitlab_sli_trial_eligibility_total"))
				.as("fresh and degraded reads count, the 400 does not")
				.isEqualTo(2);
			assertThat(counter(after, "gitlab_sli_trial_eligibility_error_total")
					- counter(before, "gitlab_sli_trial_eligibility_error_total"))
				.as("the degraded read is an error")
				.isEqualTo(1);
			assertThat(counter(after, "gitlab_sli_trial_eligibility_apdex_total")
					- counter(before, "gitlab_sli_trial_eligibility_apdex_total"))
				.as("only the successful read counts in the apdex")
				.isEqualTo(1);
		}

	}

	/**
	 * Whether Redis holds a cached answer for the namespace: a value in the library's
	 * format (version byte 1) that is not an invalidation's tombstone (flags bit 0).
	 */
	boolean holdsAnswer(long id) {
		byte[] value = this.redis.execute((RedisCallback<byte[]>) (connection) -> connection.stringCommands()
			.get(("namespaces:eligible_trials:" + id).getBytes(StandardCharsets.US_ASCII)));
		return value != null && value.length > 2 && value[0] == 1 && (value[1] & 1) == 0;
	}

	static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		Iterator<String> iterator = node.propertyNames().iterator();
		iterator.forEachRemaining(names::add);
		return names;
	}

	static double counter(String scrape, String name) {
		return scrape.lines()
			.filter((line) -> line.startsWith(name + " ") || line.startsWith(name + "{"))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	static void assertBadRequest(Reply reply, String error) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.json().get("success").asBoolean()).isFalse();
		assertThat(reply.errors()).isNotEmpty();
		assertThat(String.join("; ", reply.errors())).contains(error);
	}

}

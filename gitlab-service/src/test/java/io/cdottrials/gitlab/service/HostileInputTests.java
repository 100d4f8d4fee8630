package io.cdottrials.gitlab.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.cdottrials.gitlab.testsupport.CdotStub;
import io.cdottrials.model.WebhookSignature;
import io.cdottrials.web.test.AuthenticationMatrix;
import io.cdottrials.web.test.AuthenticationMatrix.Credential;
import io.cdottrials.web.test.Endpoint;
import io.cdottrials.web.test.HostileInputRun;
import io.cdottrials.web.test.HostileRequests;
import org.instancio.junit.Given;
import org.instancio.junit.InstancioExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a client sends, raw over a socket, the answer comes within seconds, is never a
 * 5xx, and every error is a problem that names no class of ours; and every endpoint that
 * needs a credential refuses every other one (issue 8).
 */
// the input is what is under test: a loaded machine's slow Redis must not make a 503
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.data.redis.timeout=5s")
@ExtendWith(InstancioExtension.class)
class HostileInputTests {

	private static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer test-admin-token");

	/** Reads and trial applications are guarded by network policy, not a credential. */
	private static final List<String> PUBLIC = List.of("GET /api/v1/trial_eligibility",
			"POST /api/v1/trial_eligibility", "POST /api/v1/namespaces/{namespace_id}/trials");

	@RegisterExtension
	static final CdotStub cdot = new CdotStub();

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@DynamicPropertySource
	static void cdotUrl(DynamicPropertyRegistry registry) {
		registry.add("gitlab.cdot.base-url", cdot::baseUrl);
	}

	@Test
	void everyHostileRequestIsAnsweredWithA4xxProblemOrASuccess(
			@Given(HostileRequests.Seeded.class) HostileRequests hostile) {
		List<Endpoint> endpoints = endpoints();

		HostileInputRun.check("gitlab-service", this.port, hostile.generate(endpoints, (endpoint) -> {
			if (endpoint.method().equals("DELETE")) {
				return ADMIN;
			}
			return endpoint.pattern().equals("/hooks/cdot") ? signature("test-webhook-secret") : Map.of();
		}, 400));
	}

	@Test
	void everyEndpointRefusesEveryCredentialButItsOwn() {
		List<Endpoint> guarded = endpoints().stream()
			.filter((endpoint) -> !PUBLIC.contains(endpoint.toString()))
			.toList();
		assertThat(endpoints()).extracting(Endpoint::toString).containsAll(PUBLIC);

		int sent = AuthenticationMatrix
			.check("gitlab-service", this.port, guarded,
					(endpoint) -> endpoint.pattern().equals("/hooks/cdot") ? "signature" : "admin",
					List.of(new Credential("admin", ADMIN, Map.of("Authorization", "Bearer guessed")),
							new Credential("signature", signature("test-webhook-secret"), signature("guessed")),
							new Credential("cdot headers",
									Map.of("X-Admin-Email", CdotStub.ADMIN_EMAIL, "X-Admin-Token",
											CdotStub.ADMIN_TOKEN),
									Map.of()),
							new Credential("basic", Map.of("Authorization", "Basic YWRtaW46dGVzdC1hZG1pbi10b2tlbg=="),
									Map.of())));

		assertThat(guarded).extracting(Endpoint::toString)
			.containsExactlyInAnyOrder("DELETE /api/v1/trial_eligibility/{namespace_id}", "POST /hooks/cdot");
		assertThat(sent).isEqualTo(guarded.size() * 5);
	}

	private List<Endpoint> endpoints() {
		return Endpoint.all(this.mapping, "/error", "/v3/api-docs", "/swagger-ui");
	}

	/** A signature of the body {@code {}}, what the matrix sends. */
	private static Map<String, String> signature(String secret) {
		return Map.of(WebhookSignature.HEADER,
				WebhookSignature.sign(secret, "{}".getBytes(StandardCharsets.UTF_8), Instant.now()));
	}

}

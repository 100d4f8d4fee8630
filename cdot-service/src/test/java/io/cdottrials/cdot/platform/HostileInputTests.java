package io.cdottrials.cdot.platform;

import java.util.List;
import java.util.Map;

import io.cdottrials.testsupport.ConsoleSession;
import io.cdottrials.web.test.Endpoint;
import io.cdottrials.web.test.HostileInputRun;
import io.cdottrials.web.test.HostileRequests;
import org.instancio.junit.Given;
import org.instancio.junit.InstancioExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Whatever a client sends to any endpoint, raw over a socket, the answer comes within
 * seconds, is never a 5xx, and every error is a problem that names no class of ours
 * (issue 8). Same context as {@link SecurityIntegrationTests}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
@ExtendWith(InstancioExtension.class)
class HostileInputTests {

	static final Map<String, String> GITLAB = Map.of("X-Admin-Email", "gitlab@example.com", "X-Admin-Token",
			"test-gitlab-token");

	static final Map<String, String> ADMIN = Map.of("Authorization", "Bearer test-admin-token");

	// zuora:test-callout-password
	static final Map<String, String> ZUORA = Map.of("Authorization", "Basic em91cmE6dGVzdC1jYWxsb3V0LXBhc3N3b3Jk");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void everyHostileRequestIsAnsweredWithA4xxProblemOrASuccess(
			@Given(HostileRequests.Seeded.class) HostileRequests hostile) {
		List<Endpoint> endpoints = Endpoint.all(this.mapping, "/error", "/v3/api-docs", "/swagger-ui");
		ConsoleSession console = ConsoleSession.login(this.port);

		HostileInputRun.check("cdot-service", this.port, hostile.generate(endpoints,
				(endpoint) -> endpoint.pattern().startsWith("/console") ? console.headers() : credentials(endpoint),
				400));
	}

	/**
	 * The right API credential, so that hostile input reaches the controllers (the
	 * console's pages get a logged-in session with its CSRF token); not for the backfill,
	 * which without Zuora credentials (as here) answers 503 by design.
	 */
	static Map<String, String> credentials(Endpoint endpoint) {
		if (endpoint.pattern().startsWith("/api/v1/admin/catalog/backfill")) {
			return Map.of();
		}
		if (endpoint.pattern().startsWith("/api/v1/admin/")) {
			return ADMIN;
		}
		return endpoint.pattern().startsWith("/api/v1/webhooks/zuora/") ? ZUORA : GITLAB;
	}

}

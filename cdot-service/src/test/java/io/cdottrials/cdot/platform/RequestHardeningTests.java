package io.cdottrials.cdot.platform;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.cdottrials.testsupport.CdotIntegrationTest;
import io.cdottrials.web.test.RawHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.cdottrials.web.test.ProblemAssertions.assertClientProblem;

/**
 * Requests that fail before a controller runs (the container's parameter parsing, the
 * security firewall) are a 4xx problem, not a 500: issue 8's defects 1 and 2.
 */
class RequestHardeningTests extends CdotIntegrationTest {

	private static final String ELIGIBILITY = "/api/v1/gitlab/namespaces/trials/eligibility";

	private static final Map<String, String> GITLAB = Map.of("X-Admin-Email", "gitlab@example.com", "X-Admin-Token",
			"test-gitlab-token");

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "%ZZ", "%C0%AE", "%", "1%2", "%00" })
	void malformedPercentEncodingInTheQueryIsA400Problem(String value) {
		RawHttp.Reply reply = RawHttp.send(this.port, "GET", ELIGIBILITY + "?namespace_ids=" + value, GITLAB, null);

		assertClientProblem(reply, 400);
	}

	@ParameterizedTest
	@ValueSource(strings = { "namespace_ids=1\u0000", "namespace_ids=%00", "namespace_ids\u0000=1" })
	void aFormBodyTheFirewallRejectsIsA4xxProblem(String body) {
		Map<String, String> headers = new java.util.LinkedHashMap<>(GITLAB);
		headers.put("Content-Type", "application/x-www-form-urlencoded");

		RawHttp.Reply reply = RawHttp.send(this.port, "POST", ELIGIBILITY, headers,
				body.getBytes(StandardCharsets.UTF_8));

		assertClientProblem(reply, 400, 415);
	}

}

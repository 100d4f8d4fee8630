package io.cdottrials.cdot.console;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.cdottrials.cdot.eligibility.TrialOffers;
import io.cdottrials.testsupport.CdotIntegrationTest;
import io.cdottrials.testsupport.ConsoleSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a logged-in person can get wrong on the console's pages and forms, over real HTTP:
 * a typed namespace id that is not one is answered in the page, a bad form value or
 * unknown record is a 4xx problem, a form without its CSRF token is refused and changes
 * nothing.
 */
class ConsoleBadInputTests extends CdotIntegrationTest {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	private int port;

	@Autowired
	private TrialOffers offers;

	private ConsoleSession session;

	@BeforeEach
	void logIn() {
		this.session = ConsoleSession.login(this.port);
	}

	@Test
	void aTypedIdThatIsNoNamespaceIdIsAnsweredInThePage() throws Exception {
		for (String typed : new String[] { "abc", "-5", "0", "1.5", "99999999999999999999", "1002;drop" }) {
			HttpResponse<String> page = get(
					"/console/namespaces?id=" + URLEncoder.encode(typed, StandardCharsets.UTF_8));

			assertThat(page.statusCode()).as(typed).isEqualTo(200);
			assertThat(page.body()).as(typed).contains("A namespace id is a positive whole number, like 1002.");
		}
	}

	@Test
	void badFormValuesAndUnknownRecordsAreProblems() throws Exception {
		assertProblem(post("/console/namespaces/0/invalidations", ""), 400);
		assertProblem(post("/console/namespaces/abc/invalidations", ""), 400);
		assertProblem(post("/console/classifications/self_service_gitlab_com_plans/source", "source=sideways"), 400);
		assertProblem(post("/console/classifications/no_such_classification/source", "source=legacy"), 404);
		assertProblem(post("/console/trial-flags/" + TrialOffers.ULTIMATE_TRIAL_WITH_DAP, "enabled=maybe"), 400);
		assertProblem(post("/console/applicant-rules/no_such_rule", "enabled=true"), 404);
		assertProblem(get("/console/syncs/abc"), 400);
		assertProblem(get("/console/syncs/987654321"), 404);
		assertProblem(get("/console/experiments/no-such-experiment"), 404);
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
		boolean before = this.offers.ultimateTrialWithDap();
		HttpRequest forged = HttpRequest
			.newBuilder(URI.create(url("/console/trial-flags/" + TrialOffers.ULTIMATE_TRIAL_WITH_DAP)))
			.header("Cookie", this.session.cookie())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("enabled=" + !before))
			.build();

		HttpResponse<String> refused = this.http.send(forged, HttpResponse.BodyHandlers.ofString());

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(this.offers.ultimateTrialWithDap()).isEqualTo(before);
	}

	private void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"success\":false");
	}

	private HttpResponse<String> get(String path) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
		this.session.headers().forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String form) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		this.session.headers().forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}

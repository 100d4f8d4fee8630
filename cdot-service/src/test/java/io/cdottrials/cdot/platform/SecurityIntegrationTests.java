package io.cdottrials.cdot.platform;

import java.util.List;
import java.util.Map;

import io.cdottrials.web.test.AuthenticationMatrix;
import io.cdottrials.web.test.AuthenticationMatrix.Credential;
import io.cdottrials.web.test.Endpoint;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class SecurityIntegrationTests {

	@Autowired
	private TestRestTemplate rest;

	@LocalServerPort
	private int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mapping;

	@Test
	void gitlabApiWithoutCredentialsIsJson401() {
		ResponseEntity<String> response = this.rest.getForEntity("/api/v1/gitlab/namespaces/trials/trial_types",
				String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.getBody()).contains("\"success\":false").contains("Missing or invalid credentials");
	}

	@Test
	void gitlabApiWithWrongTokenIsJson401ThatDoesNotEchoTheToken() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Admin-Email", "gitlab@example.com");
		headers.set("X-Admin-Token", "guessed-token");
		ResponseEntity<String> response = this.rest.exchange("/api/v1/gitlab/namespaces/trials/trial_types",
				HttpMethod.GET, new HttpEntity<>(headers), String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.getBody()).contains("\"success\":false").doesNotContain("guessed-token");
	}

	@Test
	void adminApiRejectsTheGitlabCredentials() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Admin-Email", "gitlab@example.com");
		headers.set("X-Admin-Token", "test-gitlab-token");
		ResponseEntity<String> response = this.rest.exchange("/api/v1/admin/catalog/syncs", HttpMethod.POST,
				new HttpEntity<>(headers), String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void adminApiRejectsAWrongBearerToken() {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth("wrong");
		ResponseEntity<String> response = this.rest.exchange("/api/v1/admin/catalog/syncs", HttpMethod.POST,
				new HttpEntity<>(headers), String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Bearer");
	}

	@Test
	void zuoraCalloutRejectsWrongBasicAuth() {
		ResponseEntity<String> response = this.rest.withBasicAuth("zuora", "nope")
			.postForEntity("/api/v1/webhooks/zuora/catalog", null, String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void everyEndpointRefusesEveryCredentialButItsOwn() {
		List<Endpoint> endpoints = Endpoint.all(this.mapping, "/error", "/v3/api-docs", "/swagger-ui", "/console");
		assertThat(endpoints).as("every endpoint but the documentation and the console needs a credential")
			.allMatch((endpoint) -> endpoint.pattern().startsWith("/api/v1/")
					|| endpoint.pattern().startsWith("/trials"));

		int sent = AuthenticationMatrix.check("cdot-service", this.port, endpoints,
				SecurityIntegrationTests::requiredCredential, API_CREDENTIALS);

		assertThat(sent).isEqualTo(endpoints.size() * 4);
	}

	@Test
	void noApiCredentialOpensAConsolePage() {
		List<Endpoint> console = Endpoint.all(this.mapping)
			.stream()
			.filter((endpoint) -> endpoint.pattern().startsWith("/console"))
			.filter((endpoint) -> !endpoint.pattern().equals("/console/login"))
			.toList();
		assertThat(console).as("the console's pages and forms").hasSizeGreaterThan(8);

		int sent = AuthenticationMatrix.checkLoginPages("cdot-service", this.port, console, "/console/login",
				API_CREDENTIALS);

		assertThat(sent).isEqualTo(console.size() * 4);
	}

	private static final List<Credential> API_CREDENTIALS = List.of(
			new Credential("gitlab", HostileInputTests.GITLAB,
					Map.of("X-Admin-Email", "gitlab@example.com", "X-Admin-Token", "guessed")),
			new Credential("admin", HostileInputTests.ADMIN, Map.of("Authorization", "Bearer guessed")),
			new Credential("zuora", HostileInputTests.ZUORA, Map.of("Authorization", "Basic em91cmE6Z3Vlc3NlZA==")));

	private static String requiredCredential(Endpoint endpoint) {
		if (endpoint.pattern().startsWith("/api/v1/admin/")) {
			return "admin";
		}
		return endpoint.pattern().startsWith("/api/v1/webhooks/zuora/") ? "zuora" : "gitlab";
	}

	@Test
	void actuatorShowsHealthInfoAndPrometheusOnly() {
		for (String hidden : List.of("metrics", "modulith", "env", "beans", "configprops", "heapdump")) {
			assertThat(this.rest.getForEntity("/actuator/" + hidden, String.class).getStatusCode()).as(hidden)
				.isEqualTo(HttpStatus.NOT_FOUND);
		}
	}

	@Test
	void healthIsOpen() {
		ResponseEntity<String> response = this.rest.getForEntity("/actuator/health", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void prometheusIsOpen() {
		ResponseEntity<String> response = this.rest.getForEntity("/actuator/prometheus", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).contains("jvm_memory_used_bytes");
	}

}

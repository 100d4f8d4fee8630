package io.cdottrials.cdot.platform;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
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

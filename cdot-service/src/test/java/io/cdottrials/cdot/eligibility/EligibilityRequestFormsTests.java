package io.cdottrials.cdot.eligibility;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.cdottrials.testsupport.CdotIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way GitLab may ask answers every requested id, once, as a string key.
 */
class EligibilityRequestFormsTests extends CdotIntegrationTest {

	@Autowired
	private JsonMapper jsonMapper;

	@LocalServerPort
	private int port;

	@Test
	void commaSeparatedRepeatedAndBracketedIdsAreAnsweredOnce() {
		long a = newNamespaceId();
		long b = newNamespaceId();
		long c = newNamespaceId();

		ResponseEntity<String> response = gitlabGet("/api/v1/gitlab/namespaces/trials/eligibility?namespace_ids=" + a
				+ "," + b + "&namespace_ids=" + c + "&namespace_ids[]=" + a);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode namespaces = this.jsonMapper.readTree(response.getBody()).get("namespaces");
		assertThat(namespaces.propertyNames()).containsExactly(Long.toString(a), Long.toString(b), Long.toString(c));
		assertThat(namespaces.get(Long.toString(a)).get(0).asString()).isEqualTo("ultimate_with_dap");
	}

	@Test
	void postAnswersEveryIdOnce() {
		long a = newNamespaceId();
		long b = newNamespaceId();

		ResponseEntity<String> response = gitlab(HttpMethod.POST, "/api/v1/gitlab/namespaces/trials/eligibility",
				Map.of("namespace_ids", List.of(a, b, a)));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.jsonMapper.readTree(response.getBody()).get("namespaces").propertyNames())
			.containsExactly(Long.toString(a), Long.toString(b));
	}

	@Test
	void unencodedBracketsAreAccepted() throws Exception {
		long a = newNamespaceId();
		// Ruby's HTTP clients send the brackets as they are
		String request = "GET /api/v1/gitlab/namespaces/trials/eligibility?namespace_ids[]=" + a
				+ " HTTP/1.1\r\nHost: localhost\r\nX-Admin-Email: gitlab@example.com\r\n"
				+ "X-Admin-Token: test-gitlab-token\r\nConnection: close\r\n\r\n";
		try (Socket socket = new Socket("localhost", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(answer).startsWith("HTTP/1.1 200").contains("\"" + a + "\":[\"ultimate_with_dap\"]");
		}
	}

}

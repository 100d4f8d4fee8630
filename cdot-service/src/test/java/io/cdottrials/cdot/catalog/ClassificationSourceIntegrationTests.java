package io.cdottrials.cdot.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime flag per classification: metadata by default, flipped to the legacy
 * constants (and back) by an operator, kept in the {@code togglz} table.
 */
class ClassificationSourceIntegrationTests extends CatalogIntegrationTest {

	private static final String STRATEGIC_BUNDLE = "8a28db491bdb722fc1892a9dd9936cef";

	private static final String ULTIMATE_2_YEAR = "8a28e9ae452bc62cb99ff9aacacf8edb";

	@Autowired
	private TestRestTemplate rest;

	@Test
	void flippingTheFlagChangesTheSourceAndTheAnswer() {
		JsonNode metadata = classification("ultimate_plans");
		assertThat(metadata.path("source").asString()).isEqualTo("metadata");
		assertThat(ids(metadata)).contains(ULTIMATE_2_YEAR).doesNotContain(STRATEGIC_BUNDLE);
		try {
			ResponseEntity<String> flipped = putSource("ultimate_plans", Map.of("source", "legacy"), true);
			assertThat(flipped.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(this.jdbc.queryForObject(
					"select feature_enabled from togglz where feature_name = 'catalog.classification.ultimate_plans.metadata'",
					Integer.class))
				.isZero();

			JsonNode legacy = classification("ultimate_plans");
			assertThat(legacy.path("source").asString()).isEqualTo("legacy");
			assertThat(ids(legacy)).contains(STRATEGIC_BUNDLE).doesNotContain(ULTIMATE_2_YEAR);
			assertThat(classification("premium_plans").path("source").asString()).as("other flags stay")
				.isEqualTo("metadata");
		}
		finally {
			putSource("ultimate_plans", Map.of("source", "metadata"), true);
		}
		assertThat(classification("ultimate_plans").path("source").asString()).isEqualTo("metadata");
	}

	@Test
	void theSourceMustBeLegacyOrMetadata() {
		assertThat(putSource("ultimate_plans", Map.of("source", "both"), true).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(putSource("ultimate_plans", Map.of(), true).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(putSource("platinum_plans", Map.of("source", "legacy"), true).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(putSource("ultimate_plans", Map.of("source", "legacy"), false).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(classification("ultimate_plans").path("source").asString()).isEqualTo("metadata");
	}

	private ResponseEntity<String> putSource(String name, Map<String, String> body, boolean authenticated) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (authenticated) {
			headers.setBearerAuth("test-admin-token");
		}
		return this.rest.exchange("/api/v1/admin/catalog/classifications/" + name + "/source", HttpMethod.PUT,
				new HttpEntity<>(this.jsonMapper.writeValueAsString(body), headers), String.class);
	}

	private JsonNode classification(String name) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Admin-Email", "gitlab@example.com");
		headers.set("X-Admin-Token", "test-gitlab-token");
		ResponseEntity<String> response = this.rest.exchange("/api/v1/catalog/classifications/" + name, HttpMethod.GET,
				new HttpEntity<>(headers), String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return this.jsonMapper.readTree(response.getBody());
	}

	private static List<String> ids(JsonNode body) {
		List<String> ids = new ArrayList<>();
		body.path("plans").forEach((plan) -> ids.add(plan.path("id").asString()));
		return ids;
	}

}

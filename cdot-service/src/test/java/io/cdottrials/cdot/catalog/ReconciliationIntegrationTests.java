package io.cdottrials.cdot.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationIntegrationTests extends CatalogIntegrationTest {

	@Autowired
	private TestRestTemplate rest;

	@Test
	void theReportListsWhereTheConstantsAndTheMetadataDisagree() throws IOException {
		JsonNode expected;
		try (InputStream input = new ClassPathResource("catalog/expected-reconciliation.json").getInputStream()) {
			expected = this.jsonMapper.readTree(input);
		}
		JsonNode report = report();
		assertThat(report.path("catalog_version").asLong()).isEqualTo(fixtures().latestVersion());
		JsonNode classifications = report.path("classifications");
		assertThat(names(classifications)).containsExactlyInAnyOrderElementsOf(names(expected));
		int disagreements = 0;
		for (Map.Entry<String, JsonNode> entry : expected.properties()) {
			JsonNode actual = classifications.path(entry.getKey());
			List<String> onlyLegacy = strings(entry.getValue().path("only_legacy"));
			List<String> onlyMetadata = strings(entry.getValue().path("only_metadata"));
			assertThat(strings(actual.path("only_legacy"))).as(entry.getKey() + " only_legacy")
				.containsExactlyElementsOf(onlyLegacy.stream().sorted().toList());
			assertThat(strings(actual.path("only_metadata"))).as(entry.getKey() + " only_metadata")
				.containsExactlyElementsOf(onlyMetadata.stream().sorted().toList());
			assertThat(actual.path("disagree").asInt()).isEqualTo(onlyLegacy.size() + onlyMetadata.size());
			disagreements += onlyLegacy.size() + onlyMetadata.size();
		}
		assertThat(report.path("disagree").asInt()).isEqualTo(disagreements);
		assertThat(classifications.path("premium_plans").path("agree").asInt()).isEqualTo(13);
		assertThat(classifications.path("ultimate_plans").path("agree").asInt()).as("24 in metadata, one only there")
			.isEqualTo(23);
	}

	@Test
	void theReportIsForOperatorsOnly() {
		assertThat(this.rest.getForEntity("/api/v1/admin/catalog/reconciliation", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private JsonNode report() {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth("test-admin-token");
		ResponseEntity<String> response = this.rest.exchange("/api/v1/admin/catalog/reconciliation", HttpMethod.GET,
				new HttpEntity<>(headers), String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return this.jsonMapper.readTree(response.getBody());
	}

	private static List<String> names(JsonNode object) {
		List<String> names = new ArrayList<>();
		object.properties().forEach((entry) -> names.add(entry.getKey()));
		return names;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

}

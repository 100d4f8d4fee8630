package io.cdottrials.cdot.catalog.internal.sync.trigger;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as the README runs it (file source, defaults): the bundled demo catalog is
 * synced before the service is ready. Same configuration as the other default-context
 * tests, so it shares their application context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class CatalogStartupSyncTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JsonMapper json;

	@Test
	void theDemoCatalogIsSyncedAtStartUpWithItsFourFindings() {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth("test-admin-token");
		ResponseEntity<String> response = this.rest.exchange("/api/v1/admin/catalog/syncs/1", HttpMethod.GET,
				new HttpEntity<>(headers), String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode run = this.json.readTree(response.getBody());
		assertThat(run.path("status").stringValue()).isEqualTo("succeeded");
		assertThat(run.path("trigger").stringValue()).isEqualTo("startup");
		assertThat(run.path("source").stringValue()).isEqualTo("file");
		assertThat(run.path("catalog_version").longValue()).isEqualTo(1);
		assertThat(run.path("counts").path("products").intValue()).isEqualTo(16);
		assertThat(run.path("counts").path("rate_plans").intValue()).isEqualTo(66);
		assertThat(run.path("counts").path("charges").intValue()).isEqualTo(70);
		assertThat(run.path("findings").findValuesAsString("field")).containsExactlyInAnyOrder("CDotAccessible__c",
				"CDotActions__c", "ChargeTier__c", "CDotPlanStatus__c");
	}

}

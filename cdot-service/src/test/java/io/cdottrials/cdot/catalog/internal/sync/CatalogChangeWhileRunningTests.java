package io.cdottrials.cdot.catalog.internal.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cdottrials.cdot.catalog.PlanCatalog;
import io.cdottrials.testsupport.ZuoraStub;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static io.cdottrials.testsupport.ZuoraStub.Catalog.planFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole path an operator relies on, over HTTP and without a restart: Zuora's catalog
 * changes, an admin sync brings it in, and the running service's classifications and
 * plans follow.
 */
class CatalogChangeWhileRunningTests extends CatalogSyncIntegrationTest {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JsonMapper jsonMapper;

	@Autowired
	PlanCatalog planCatalog;

	@Test
	void aCatalogChangedInZuoraChangesTheClassificationsWithoutARestart() {
		zuora.stubCatalog(PAGE_SIZE, catalog(3));
		syncOverHttp();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(classification("self_service_gitlab_com_plans"))
				.containsExactlyInAnyOrder("RP1", "RP2", "RP3"));

		// Zuora adds a plan and takes RP2 off self-service
		List<Map<String, Object>> changed = new ArrayList<>(catalog(4));
		changed.set(1, ZuoraStub.Catalog.product("P2", "Product 2",
				List.of(ZuoraStub.Catalog.ratePlan("RP2", "Plan 2", planFields("renew", "True"), List.of(charge(2))))));
		zuora.reset();
		zuora.stubCatalog(PAGE_SIZE, changed);
		syncOverHttp();

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(classification("self_service_gitlab_com_plans"))
				.containsExactlyInAnyOrder("RP1", "RP3", "RP4"));
		assertThat(classification("renewable_plans")).containsExactlyInAnyOrder("RP1", "RP2", "RP3", "RP4");
		assertThat(this.planCatalog.find("RP4"))
			.hasValueSatisfying((plan) -> assertThat(plan.name()).isEqualTo("Plan 4"));
	}

	private void syncOverHttp() {
		HttpHeaders admin = new HttpHeaders();
		admin.setBearerAuth("test-admin-token");
		ResponseEntity<String> requested = this.rest.exchange("/api/v1/admin/catalog/syncs", HttpMethod.POST,
				new HttpEntity<>(admin), String.class);
		assertThat(requested.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		long id = this.jsonMapper.readTree(requested.getBody()).get("id").asLong();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			ResponseEntity<String> run = this.rest.exchange("/api/v1/admin/catalog/syncs/" + id, HttpMethod.GET,
					new HttpEntity<>(admin), String.class);
			assertThat(this.jsonMapper.readTree(run.getBody()).get("status").asString()).isEqualTo("succeeded");
		});
	}

	private List<String> classification(String name) {
		HttpHeaders gitlab = new HttpHeaders();
		gitlab.set("X-Admin-Email", "gitlab@example.com");
		gitlab.set("X-Admin-Token", "test-gitlab-token");
		ResponseEntity<String> response = this.rest.exchange("/api/v1/catalog/classifications/" + name, HttpMethod.GET,
				new HttpEntity<>(gitlab), String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		List<String> ids = new ArrayList<>();
		for (JsonNode plan : this.jsonMapper.readTree(response.getBody()).get("plans")) {
			ids.add(plan.get("id").asString());
		}
		return ids;
	}

}

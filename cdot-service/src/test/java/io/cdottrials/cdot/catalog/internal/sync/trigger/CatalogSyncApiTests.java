package io.cdottrials.cdot.catalog.internal.sync.trigger;

import java.time.Duration;

import io.cdottrials.cdot.catalog.internal.sync.CatalogSyncIntegrationTest;
import io.cdottrials.cdot.catalog.internal.sync.SyncTrigger;
import io.cdottrials.testsupport.PrometheusText;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin sync API, Zuora's callout and the sync metrics over real HTTP.
 */
class CatalogSyncApiTests extends CatalogSyncIntegrationTest {

	private static final String SUCCEEDED = "outcome=\"succeeded\"";

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JsonMapper json;

	@Test
	void postStartsASyncIn202AndTheRunShowsItsOutcome() {
		zuora.stubCatalog(PAGE_SIZE, catalog(3));
		ResponseEntity<String> accepted = admin(HttpMethod.POST, "/api/v1/admin/catalog/syncs");
		assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		JsonNode queued = this.json.readTree(accepted.getBody());
		long id = queued.path("id").longValue();
		assertThat(queued.path("status").stringValue()).isIn("queued", "running", "succeeded");
		assertThat(queued.path("trigger").stringValue()).isEqualTo("admin");
		assertThat(queued.path("source").stringValue()).isEqualTo("zuora");
		assertThat(accepted.getHeaders().getLocation()).hasPath("/api/v1/admin/catalog/syncs/" + id);

		JsonNode finished = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.json
				.readTree(admin(HttpMethod.GET, accepted.getHeaders().getLocation().getPath()).getBody()),
					(run) -> !run.path("finished_at").isNull());
		assertThat(finished.path("status").stringValue()).isEqualTo("succeeded");
		assertThat(finished.path("catalog_version").longValue()).isEqualTo(1);
		assertThat(finished.path("counts").path("rate_plans").intValue()).isEqualTo(3);
		assertThat(finished.path("findings").isArray()).isTrue();
		assertThat(finished.path("diff").path("added")).hasSize(9);
		assertThat(finished.path("started_at").isString()).isTrue();
	}

	@Test
	void anUnknownRunIs404AndANonNumericIdIs400() {
		ResponseEntity<String> missing = admin(HttpMethod.GET, "/api/v1/admin/catalog/syncs/424242");
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(missing.getBody()).contains("\"success\":false").contains("There is no catalog sync run 424242");
		ResponseEntity<String> malformed = admin(HttpMethod.GET, "/api/v1/admin/catalog/syncs/latest");
		assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(malformed.getBody()).contains("'id' has an invalid value");
	}

	@Test
	void theSyncApiNeedsTheAdminToken() {
		assertThat(this.rest.postForEntity("/api/v1/admin/catalog/syncs", null, String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.getForEntity("/api/v1/admin/catalog/syncs/1", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(count("catalog_sync_run")).isZero();
	}

	@Test
	void aBurstOfCalloutsCausesOneSync() {
		zuora.stubCatalog(PAGE_SIZE, catalog(1));
		for (int i = 0; i < 5; i++) {
			ResponseEntity<String> response = this.rest.withBasicAuth("zuora", "test-callout-password")
				.postForEntity("/api/v1/webhooks/zuora/catalog", "{\"event\":\"ProductRatePlanUpdated\"}",
						String.class);
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select count(*) from catalog_sync_run where status = 'succeeded'")
				.query(Long.class)
				.single() == 1);
		await().during(Duration.ofMillis(800))
			.atMost(Duration.ofSeconds(2))
			.until(() -> count("catalog_sync_run") == 1);
		assertThat(zuora.firstPageRequests(PAGE_SIZE)).isEqualTo(1);
		assertThat(this.jdbc.sql("select trigger from catalog_sync_run").query(String.class).single())
			.isEqualTo("callout");
	}

	@Test
	void theCalloutNeedsZuorasBasicAuth() {
		ResponseEntity<String> response = this.rest.withBasicAuth("zuora", "wrong")
			.postForEntity("/api/v1/webhooks/zuora/catalog", null, String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void syncMetricsAreOnThePrometheusEndpoint() {
		zuora.stubCatalog(PAGE_SIZE, catalog(2));
		String before = this.rest.getForObject("/actuator/prometheus", String.class);

		this.syncs.syncNow(SyncTrigger.ADMIN);

		String metrics = this.rest.getForObject("/actuator/prometheus", String.class);
		assertThat(PrometheusText.sum(metrics, "cdot_catalog_sync_runs_total", SUCCEEDED, "trigger=\"admin\"")
				- PrometheusText.sum(before, "cdot_catalog_sync_runs_total", SUCCEEDED, "trigger=\"admin\""))
			.isEqualTo(1);
		assertThat(PrometheusText.sum(metrics, "cdot_catalog_sync_duration_seconds_count", SUCCEEDED)
				- PrometheusText.sum(before, "cdot_catalog_sync_duration_seconds_count", SUCCEEDED))
			.isEqualTo(1);
		assertThat(metrics).containsPattern("cdot_catalog_version\\{.*\\} 1.0")
			.containsPattern("cdot_catalog_sync_last_success_age_seconds\\{.*\\} [0-9]");
	}

	private ResponseEntity<String> admin(HttpMethod method, String path) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth("test-admin-token");
		return this.rest.exchange(path, method, new HttpEntity<>(headers), String.class);
	}

}

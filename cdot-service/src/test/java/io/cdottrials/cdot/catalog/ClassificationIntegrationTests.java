package io.cdottrials.cdot.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cdottrials.cdot.catalog.internal.classification.LegacyPlanClassifier;
import io.cdottrials.cdot.catalog.internal.snapshot.ClassifiedCatalogRepository;
import io.cdottrials.testsupport.StatementCounter;
import io.cdottrials.testsupport.PrometheusText;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
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

class ClassificationIntegrationTests extends CatalogIntegrationTest {

	@Autowired
	private TestRestTemplate rest;

	@Autowired
	private PlanClassifier classifier;

	@Autowired
	private StatementCounter statements;

	@Autowired
	private ClassifiedCatalogRepository repository;

	@Test
	void everyClassificationAnswersTheSetTheDemoCatalogMarks() throws IOException {
		Map<String, List<String>> expected = expectedClassifications();
		assertThat(this.classifier.names()).containsExactlyInAnyOrderElementsOf(expected.keySet()).hasSize(18);
		for (Map.Entry<String, List<String>> classification : expected.entrySet()) {
			JsonNode body = getJson("/api/v1/catalog/classifications/" + classification.getKey(), HttpStatus.OK);
			assertThat(body.path("classification").asString()).isEqualTo(classification.getKey());
			assertThat(body.path("source").asString()).isEqualTo("metadata");
			assertThat(body.path("catalog_version").asLong()).isEqualTo(fixtures().latestVersion());
			assertThat(body.path("success").asBoolean()).isTrue();
			assertThat(ids(body.path("plans"))).as(classification.getKey())
				.containsExactlyInAnyOrderElementsOf(classification.getValue());
		}
	}

	@Test
	void plansOfAClassificationCarryTheirNameProductAndSku() {
		JsonNode body = getJson("/api/v1/catalog/classifications/self_service_gitlab_com_plans", HttpStatus.OK);
		JsonNode premiumMonthly = plan(body, "8a28adb9eeacf4c888b47ef8bea3e694");
		assertThat(premiumMonthly.path("name").asString()).isEqualTo("GitLab.com Premium - Monthly");
		assertThat(premiumMonthly.path("product_name").asString()).isEqualTo("GitLab.com Premium");
		assertThat(premiumMonthly.path("sku").asString()).isEqualTo("SKU-00000101");
	}

	@Test
	void everyClassificationNameIsListed() {
		JsonNode body = getJson("/api/v1/catalog/classifications", HttpStatus.OK);
		List<String> names = new ArrayList<>();
		body.path("classifications").forEach((entry) -> names.add(entry.path("name").asString()));
		assertThat(names).containsExactlyElementsOf(this.classifier.names());
	}

	@Test
	void anUnknownClassificationIs404() {
		JsonNode body = getJson("/api/v1/catalog/classifications/platinum_plans", HttpStatus.NOT_FOUND);
		assertThat(body.path("success").asBoolean()).isFalse();
		assertThat(body.path("errors").get(0).asString()).contains("platinum_plans");
	}

	@Test
	void classificationsNeedGitlabsCredentials() {
		ResponseEntity<String> response = this.rest.getForEntity("/api/v1/catalog/classifications/premium_plans",
				String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aLookupRunsNoQuery() {
		this.classifier.names().forEach(this.classifier::resolve);
		int statementsOfLookups = this.statements.countOnThisThread(() -> {
			for (int i = 0; i < 1_000; i++) {
				for (String name : this.classifier.names()) {
					assertThat(this.classifier.resolve(name).ratePlanIds()).isNotNull();
				}
				assertThat(this.planCatalog.find("8a28adb9eeacf4c888b47ef8bea3e694")).isPresent();
			}
		});
		int statementsOfOneQuery = this.statements
			.countOnThisThread(() -> this.jdbc.queryForObject("select count(*) from catalog_rate_plan", Long.class));
		assertThat(statementsOfLookups).isZero();
		assertThat(statementsOfOneQuery).as("the counter sees a query").isEqualTo(1);
	}

	@Test
	void aRefreshRunsAFixedNumberOfStatementsWhateverTheCatalogsSize() {
		int statementsOfALoad = this.statements
			.countOnThisThread(() -> this.repository.load(LegacyPlanClassifier.byClassification()));
		// the version, rate plans, charges, USD tiers, and one query per classification
		assertThat(statementsOfALoad).isEqualTo(4 + this.classifier.names().size());
	}

	@Test
	void planValuesAreDrawnFromChargesAndTiers() {
		Plan dedicated = this.planCatalog.find("8a28648e992ced0007414d4ef1941868").orElseThrow();
		assertThat(dedicated.name()).isEqualTo("GitLab Dedicated Ultimate - 1 Year");
		assertThat(dedicated.tier()).isEqualTo(Tier.ULTIMATE);
		assertThat(dedicated.deployments()).containsExactly(Deployment.DEDICATED);
		assertThat(dedicated.billingPeriod()).isEqualTo("Annual");
		assertThat(dedicated.listPrice()).isEqualByComparingTo("1500");
		assertThat(dedicated.minimumQuantity()).isEqualTo(500);
		assertThat(dedicated.basePlan()).isTrue();

		Plan premiumMonthly = this.planCatalog.find("8a28adb9eeacf4c888b47ef8bea3e694").orElseThrow();
		assertThat(premiumMonthly.billingPeriod()).isEqualTo("Month");
		assertThat(premiumMonthly.listPrice()).isEqualByComparingTo(new BigDecimal("29"));
		assertThat(premiumMonthly.minimumQuantity()).isEqualTo(1);

		assertThat(this.planCatalog.find("8a286f5b0b275f88e065a15c2a37b0e2").orElseThrow().minimumQuantity())
			.as("Storage - Tiered")
			.isEqualTo(100);
		assertThat(this.planCatalog.find("8a28db491bdb722fc1892a9dd9936cef").orElseThrow().minimumQuantity())
			.as("Strategic Bundle")
			.isEqualTo(250);
		assertThat(this.planCatalog.find("8a28cc65d8fb7127ff472e2f2d532dd9").orElseThrow().accessible())
			.as("the inaccessible plan")
			.isFalse();
		assertThat(this.planCatalog.find("no-such-plan")).isEmpty();
	}

	@Test
	void metricsShowTheVersionInMemoryRefreshesAndLookups() {
		double lookups = duoProMetadataLookups();

		getJson("/api/v1/catalog/classifications/duo_pro_plans", HttpStatus.OK);

		assertThat(duoProMetadataLookups()).isEqualTo(lookups + 1);
		String prometheus = this.rest.getForObject("/actuator/prometheus", String.class);
		assertThat(prometheus).contains("cdot_catalog_classification_version{")
			.containsPattern("cdot_catalog_classification_refresh_seconds_count\\{[^}]*outcome=\"success\"");
	}

	private double duoProMetadataLookups() {
		return PrometheusText.sum(this.rest.getForObject("/actuator/prometheus", String.class),
				"cdot_catalog_classification_lookups_total", "classification=\"duo_pro_plans\"", "source=\"metadata\"");
	}

	private JsonNode getJson(String path, HttpStatus status) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Admin-Email", "gitlab@example.com");
		headers.set("X-Admin-Token", "test-gitlab-token");
		ResponseEntity<String> response = this.rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers),
				String.class);
		assertThat(response.getStatusCode()).isEqualTo(status);
		return this.jsonMapper.readTree(response.getBody());
	}

	private static List<String> ids(JsonNode plans) {
		List<String> ids = new ArrayList<>();
		plans.forEach((plan) -> ids.add(plan.path("id").asString()));
		return ids;
	}

	private static JsonNode plan(JsonNode body, String id) {
		for (JsonNode plan : body.path("plans")) {
			if (plan.path("id").asString().equals(id)) {
				return plan;
			}
		}
		throw new AssertionError("No plan " + id + " in " + body);
	}

	private Map<String, List<String>> expectedClassifications() throws IOException {
		try (InputStream input = new ClassPathResource("catalog/expected-classifications.json").getInputStream()) {
			return this.jsonMapper.readValue(input, new TypeReference<Map<String, List<String>>>() {
			});
		}
	}

}

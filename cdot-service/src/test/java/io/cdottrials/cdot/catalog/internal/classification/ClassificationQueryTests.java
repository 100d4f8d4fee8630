package io.cdottrials.cdot.catalog.internal.classification;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ClassificationQueryTests {

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	@Test
	void rateAndChargeFieldsBecomeContainmentDocuments() {
		ClassificationQuery query = ClassificationQuery
			.of(ClassificationDefinitions.find("self_service_gitlab_com_plans").orElseThrow(), this.jsonMapper);
		assertThat(query.sql().replaceAll("\\s+", " ")).contains("rp.removed_in_version is null")
			.contains("not (rp.custom_fields @> '{\"CDotAccessible__c\": false}'::jsonb)")
			.contains("rp.custom_fields @> ?::jsonb")
			.contains("c.removed_in_version is null and c.custom_fields @> ?::jsonb");
		assertThat(query.parameters()).containsExactly("{\"CDotActions__c\":[\"initial_purchase\"]}",
				"{\"ChargeDeployment__c\":\"GitLab.com\"}");
	}

	@Test
	void booleansAreJsonBooleans() {
		ClassificationQuery query = ClassificationQuery
			.of(ClassificationDefinitions.find("true_up_plans").orElseThrow(), this.jsonMapper);
		assertThat(query.parameters()).containsExactly("{\"CDotIsTrueUp__c\":true}");
		assertThat(query.sql()).doesNotContain("catalog_charge");
	}

	@Test
	void everyClassificationOfTheSpecIsDefined() {
		assertThat(ClassificationDefinitions.names()).containsExactly("all_gitlab_com_plans",
				"self_service_gitlab_com_plans", "all_self_managed_plans", "all_dedicated_plans", "premium_plans",
				"ultimate_plans", "true_up_plans", "us_pub_sec_plans", "education_plans", "open_source_plans",
				"startup_plans", "duo_pro_plans", "duo_enterprise_plans", "renewable_plans",
				"additional_purchase_plans", "active_plans", "deprecated_plans", "legacy_plans");
	}

}

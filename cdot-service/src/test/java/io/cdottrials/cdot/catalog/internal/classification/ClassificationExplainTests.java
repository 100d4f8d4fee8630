package io.cdottrials.cdot.catalog.internal.classification;

import java.util.List;

import io.cdottrials.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The containment queries of {@link ClassificationQuery} are served by the GIN
 * {@code jsonb_path_ops} indexes once the catalog is large enough for the planner to
 * prefer them: 60,000 rate plans and 72,000 charges, on a database of its own.
 */
class ClassificationExplainTests {

	private static final Logger logger = LoggerFactory.getLogger(ClassificationExplainTests.class);

	private static final int RATE_PLANS = 60_000;

	private static JdbcTemplate jdbc;

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	@BeforeAll
	static void largeCatalog() {
		TestPostgres.Database database = TestPostgres.newDatabase();
		Flyway.configure()
			.dataSource(database.url(), database.username(), database.password())
			.locations("classpath:db/migration")
			.load()
			.migrate();
		jdbc = new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(), database.url(),
				database.username(), database.password()));
		jdbc.update("insert into catalog_sync_run (trigger, source, status) values ('admin', 'file', 'succeeded')");
		jdbc.update("insert into catalog_version (version, sync_run_id) values (1, 1)");
		jdbc.update("""
				insert into catalog_product (zuora_id, name, changed_in_version)
				select 'product-' || g, 'Product ' || g, 1 from generate_series(1, 1000) g""");
		jdbc.update("""
				insert into catalog_rate_plan (zuora_id, product_id, name, custom_fields, changed_in_version)
				select 'plan-' || g, 1 + g % 1000, 'Plan ' || g,
				       jsonb_build_object(
				         'CDotAccessible__c', g % 97 <> 0,
				         'CDotActions__c', (array['["initial_purchase", "renew"]', '["renew", "additional_purchase"]',
				                                  '[]'])[1 + g % 3]::jsonb,
				         'CDotPlanStatus__c', (array['active', 'active', 'deprecated', 'legacy'])[1 + g % 4],
				         'CDotIsTrueUp__c', g % 500 = 0,
				         'CDotIsUsPubSec__c', g % 250 = 0,
				         'CDotCommunityType__c', case when g % 300 = 0 then 'education' when g % 301 = 0
				                                  then 'open_source' else 'not_applicable' end,
				         'TermType__c', 'TERMED',
				         'SalesforceProductId__c', '01t' || g),
				       1
				from generate_series(1, ?) g""", RATE_PLANS);
		jdbc.update("""
				insert into catalog_charge (zuora_id, rate_plan_id, name, charge_type, charge_model, billing_period,
				  custom_fields, changed_in_version)
				select 'charge-' || rp.id, rp.id, 'Charge ' || rp.id, 'Recurring', 'PerUnit', 'Annual',
				       jsonb_build_object(
				         'CDotPlanType__c', case when rp.id % 400 = 0 then 'duo_pro' when rp.id % 401 = 0
				                              then 'duo_enterprise' else 'base_product' end,
				         'ChargeTier__c', (array['Premium', 'Ultimate', 'Starter'])[1 + rp.id % 3],
				         'ChargeDeployment__c', (array['GitLab.com', 'Self-Managed', 'Dedicated'])[1 + rp.id % 3]),
				       1
				from catalog_rate_plan rp""");
		jdbc.update("""
				insert into catalog_charge (zuora_id, rate_plan_id, name, charge_type, charge_model, custom_fields,
				  changed_in_version)
				select 'onboarding-' || rp.id, rp.id, 'Onboarding ' || rp.id, 'OneTime', 'FlatFee',
				       '{"CDotPlanType__c": "professional_services", "ChargeDeployment__c": "Not Applicable"}', 1
				from catalog_rate_plan rp where rp.id % 5 = 0""");
		// as autovacuum would have by then: merges the GIN pending lists and gathers the
		// statistics the planner chooses by
		jdbc.execute("vacuum analyze catalog_rate_plan");
		jdbc.execute("vacuum analyze catalog_charge");
	}

	@Test
	void aRatePlanContainmentIsServedByTheRatePlanGinIndex() {
		String plan = explain("true_up_plans");
		assertThat(plan).contains("Bitmap Index Scan on catalog_rate_plan_custom_fields_idx");
		assertThat(resolve("true_up_plans")).hasSize(RATE_PLANS / 500 - 1).allMatch((id) -> id.startsWith("plan-"));
	}

	@Test
	void aChargeContainmentIsServedByTheChargeGinIndex() {
		String plan = explain("duo_pro_plans");
		assertThat(plan).contains("Bitmap Index Scan on catalog_charge_custom_fields_idx");
		assertThat(resolve("duo_pro_plans")).isNotEmpty();
	}

	private String explain(String classification) {
		ClassificationQuery query = query(classification);
		List<String> lines = jdbc.queryForList("explain (analyze, buffers, format text) " + query.sql(), String.class,
				query.parameters().toArray());
		String plan = String.join("\n", lines);
		logger.info("EXPLAIN of {} on {} rate plans:\n{}\n{}\nparameters: {}", classification, RATE_PLANS, query.sql(),
				plan, query.parameters());
		return plan;
	}

	private List<String> resolve(String classification) {
		ClassificationQuery query = query(classification);
		return jdbc.queryForList(query.sql(), String.class, query.parameters().toArray());
	}

	private ClassificationQuery query(String classification) {
		return ClassificationQuery.of(ClassificationDefinitions.find(classification).orElseThrow(), this.jsonMapper);
	}

}

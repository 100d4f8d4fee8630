package io.cdottrials.benchmarks;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills the catalog tables with a generated catalog of any size, custom fields spread so
 * that some classifications are selective (true-up: one plan in 500) and some are not
 * (GitLab.com: one plan in three).
 */
final class CatalogGenerator {

	private CatalogGenerator() {
	}

	static void generate(JdbcTemplate jdbc, int ratePlans) {
		jdbc.update("insert into catalog_sync_run (trigger, source, status) values ('admin', 'file', 'succeeded')");
		jdbc.update("insert into catalog_version (version, sync_run_id) values (1, 1)");
		jdbc.update("""
				insert into catalog_product (zuora_id, name, sku, changed_in_version)
				select 'product-' || g, 'Product ' || g, 'SKU-' || g, 1 from generate_series(1, 1000) g""");
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
				         'CDotCommunityType__c', case when g % 300 = 0 then 'education' else 'not_applicable' end,
				         'TermType__c', 'TERMED'),
				       1
				from generate_series(1, ?) g""", ratePlans);
		jdbc.update("""
				insert into catalog_charge (zuora_id, rate_plan_id, name, charge_type, charge_model, billing_period,
				  default_quantity, custom_fields, changed_in_version)
				select 'charge-' || rp.id, rp.id, 'Charge ' || rp.id, 'Recurring', 'PerUnit', 'Annual', 1,
				       jsonb_build_object(
				         'CDotPlanType__c', case when rp.id % 400 = 0 then 'duo_pro' else 'base_product' end,
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
		jdbc.update("""
				insert into catalog_charge_tier (charge_id, currency, tier, price)
				select id, 'USD', 1, 29 from catalog_charge""");
		// as autovacuum would have by then: merges the GIN pending lists and gathers
		// statistics
		jdbc.execute("vacuum analyze");
	}

}

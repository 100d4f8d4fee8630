package io.cdottrials.cdot.catalog.internal.sync;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cdottrials.cdot.catalog.CatalogSynced;
import io.cdottrials.cdot.catalog.internal.sync.store.CatalogDiff;
import io.cdottrials.cdot.catalog.internal.sync.store.CatalogWriter;
import io.cdottrials.testsupport.GeneratedCatalog;
import io.cdottrials.testsupport.ZuoraStub;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static io.cdottrials.testsupport.ZuoraStub.Catalog.chargeFields;
import static io.cdottrials.testsupport.ZuoraStub.Catalog.planFields;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Syncs against the WireMock Zuora: what lands in PostgreSQL, as versions with diffs.
 */
@RecordApplicationEvents
class CatalogSyncTests extends CatalogSyncIntegrationTest {

	@Autowired
	ApplicationEvents events;

	@Autowired
	MeterRegistry meters;

	@Autowired
	CatalogVersions versions;

	@Test
	void firstSyncReadsEveryPageAndStoresVersionOne() {
		zuora.stubCatalog(PAGE_SIZE, catalog(5));
		SyncRun run = this.syncs.syncNow(SyncTrigger.ADMIN);
		assertThat(run.status()).isEqualTo("succeeded");
		assertThat(run.catalogVersion()).isEqualTo(1);
		assertThat(zuora.productRequests()).isEqualTo(3);
		assertThat(count("catalog_product")).isEqualTo(5);
		assertThat(count("catalog_rate_plan")).isEqualTo(5);
		assertThat(count("catalog_charge")).isEqualTo(5);
		assertThat(count("catalog_charge_tier")).isEqualTo(5);
		assertThat(run.counts().path("rate_plans").intValue()).isEqualTo(5);
		assertThat(run.counts().path("added").intValue()).isEqualTo(15);
		assertThat(run.diff().path("added")).hasSize(15);
		assertThat(this.jdbc.sql("select version, sync_run_id from catalog_version")
			.query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2)))
			.list()).containsExactly(List.of(1L, run.id()));
		assertThat(this.events.stream(CatalogSynced.class)).containsExactly(new CatalogSynced(1, run.id()));
	}

	@Test
	void aCatalogOfSeveralWriteBatchesIsStoredWholeAndAnUnchangedResyncMakesNoVersion() {
		int ratePlans = 300;
		int charges = ratePlans * GeneratedCatalog.CHARGES_PER_PLAN;
		assertThat(charges).as("more charges than one JDBC batch").isGreaterThan(CatalogWriter.BATCH_SIZE);
		zuora.stubCatalog(PAGE_SIZE, GeneratedCatalog.products(ratePlans));

		SyncRun first = this.syncs.syncNow(SyncTrigger.ADMIN);
		SyncRun again = this.syncs.syncNow(SyncTrigger.ADMIN);

		assertThat(first.status()).isEqualTo("succeeded");
		assertThat(first.catalogVersion()).isEqualTo(1);
		assertThat(count("catalog_product")).isEqualTo(ratePlans / GeneratedCatalog.PLANS_PER_PRODUCT);
		assertThat(count("catalog_rate_plan")).isEqualTo(ratePlans);
		assertThat(count("catalog_charge")).isEqualTo(charges);
		assertThat(count("catalog_charge_tier")).isEqualTo(charges);
		assertThat(this.jdbc.sql("""
				select count(*) from catalog_charge c join catalog_rate_plan rp on rp.id = c.rate_plan_id
				where split_part(c.zuora_id, '-', 1) = 'GC' || substr(rp.zuora_id, 4)""").query(Long.class).single())
			.as("every charge under its own rate plan")
			.isEqualTo(charges);
		assertThat(again.status()).isEqualTo("succeeded");
		assertThat(again.catalogVersion()).isEqualTo(1);
		assertThat(again.counts().path("added").intValue()).isZero();
	}

	@Test
	void storesNormalisedCustomFieldsAndKeepsUnknownOnes() {
		zuora.stubCatalog(PAGE_SIZE, catalog(1));
		this.syncs.syncNow(SyncTrigger.ADMIN);
		assertThat(customFields("catalog_rate_plan", "RP1")).isEqualTo(
				"{\"TermType__c\": \"TERMED\", \"CDotActions__c\": [\"initial_purchase\", \"renew\"], \"CDotIsTrueUp__c\": false, "
						+ "\"CDotAccessible__c\": true, \"CDotIsUsPubSec__c\": false, \"CDotPlanStatus__c\": \"active\", "
						+ "\"CDotCommunityType__c\": \"not_applicable\"}");
		assertThat(this.jdbc.sql("""
				select count(*) from catalog_rate_plan
				where custom_fields @> '{"CDotActions__c": ["initial_purchase"]}'""").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aFailureOnALaterPageLeavesThePreviousCatalogAndVersionInPlace() {
		zuora.stubCatalog(PAGE_SIZE, catalog(5));
		this.syncs.syncNow(SyncTrigger.ADMIN);
		List<Map<String, Object>> before = catalogRows();

		zuora.reset();
		List<Map<String, Object>> changed = new ArrayList<>(catalog(6));
		changed.set(0, renamed(1, "Plan 1 renamed"));
		zuora.stubCatalog(PAGE_SIZE, changed);
		zuora.stubPage(3, PAGE_SIZE, ZuoraStub.status(500).withBody("{\"message\":\"Internal Server Error\"}"));
		SyncRun failed = this.syncs.syncNow(SyncTrigger.ADMIN);

		assertThat(failed.status()).isEqualTo("failed");
		assertThat(failed.error()).contains("page=3").contains("HTTP 500 on each of 3 attempts");
		assertThat(failed.catalogVersion()).isNull();
		assertThat(this.jdbc.sql("select max(version) from catalog_version").query(Long.class).single()).isEqualTo(1);
		assertThat(catalogRows()).isEqualTo(before);
		assertThat(this.events.stream(CatalogSynced.class)).hasSize(1);
	}

	@Test
	void aConnectionDroppedMidSyncLeavesThePreviousCatalogAndVersionInPlace() {
		zuora.stubCatalog(PAGE_SIZE, catalog(5));
		this.syncs.syncNow(SyncTrigger.ADMIN);
		List<Map<String, Object>> before = catalogRows();

		zuora.reset();
		zuora.stubCatalog(PAGE_SIZE, catalog(6));
		zuora.stubPage(2, PAGE_SIZE, WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
		SyncRun failed = this.syncs.syncNow(SyncTrigger.ADMIN);

		assertThat(failed.status()).isEqualTo("failed");
		assertThat(failed.error()).contains("page=2");
		assertThat(failed.catalogVersion()).isNull();
		assertThat(this.jdbc.sql("select max(version) from catalog_version").query(Long.class).single()).isEqualTo(1);
		assertThat(catalogRows()).isEqualTo(before);
	}

	@Test
	void successFalseFailsTheSyncAndKeepsTheCatalog() {
		zuora.stubCatalog(PAGE_SIZE, catalog(3));
		this.syncs.syncNow(SyncTrigger.ADMIN);
		zuora.reset();
		zuora.stubCatalog(PAGE_SIZE, catalog(4));
		zuora.stubPage(2, PAGE_SIZE, ZuoraStub.failure("50000040", "Cannot find entity by key: 'P3'"));
		double failedBefore = runsCounted("failed", SyncTrigger.ADMIN);
		SyncRun failed = this.syncs.syncNow(SyncTrigger.ADMIN);
		assertThat(failed.status()).isEqualTo("failed");
		assertThat(runsCounted("failed", SyncTrigger.ADMIN) - failedBefore).as("what the CatalogSyncFailed alert reads")
			.isEqualTo(1.0);
		assertThat(failed.error()).contains("\"success\": false").contains("[50000040]");
		assertThat(count("catalog_product")).isEqualTo(3);
		assertThat(this.jdbc.sql("select max(version) from catalog_version").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aPlanMissingFromZuoraIsMarkedRemovedAndComesBackLater() {
		zuora.stubCatalog(PAGE_SIZE, catalog(3));
		this.syncs.syncNow(SyncTrigger.ADMIN);

		zuora.reset();
		zuora.stubCatalog(PAGE_SIZE, List.of(product(1), product(3)));
		SyncRun removal = this.syncs.syncNow(SyncTrigger.ADMIN);
		assertThat(removal.catalogVersion()).isEqualTo(2);
		assertThat(removedInVersion("catalog_rate_plan", "RP2")).isEqualTo(2L);
		assertThat(removedInVersion("catalog_charge", "C2")).isEqualTo(2L);
		assertThat(removedInVersion("catalog_product", "P2")).isEqualTo(2L);
		assertThat(removedInVersion("catalog_rate_plan", "RP1")).isNull();
		assertThat(removal.diff().path("removed").findValuesAsString("zuora_id")).containsExactlyInAnyOrder("P2", "RP2",
				"C2");
		assertThat(count("catalog_rate_plan")).as("removed, not deleted").isEqualTo(3);

		zuora.reset();
		zuora.stubCatalog(PAGE_SIZE, catalog(3));
		SyncRun comeback = this.syncs.syncNow(SyncTrigger.ADMIN);
		assertThat(comeback.catalogVersion()).isEqualTo(3);
		assertThat(removedInVersion("catalog_rate_plan", "RP2")).isNull();
		assertThat(comeback.diff().path("added").findValuesAsString("zuora_id")).containsExactlyInAnyOrder("P2", "RP2",
				"C2");
		assertThat(comeback.diff().path("added").findValues("restored")).allMatch(JsonNode::booleanValue);
	}

	@Test
	void theDiffListsAddedChangedFieldsAndRemoved() {
		zuora.stubCatalog(PAGE_SIZE, catalog(3));
		this.syncs.syncNow(SyncTrigger.ADMIN);

		zuora.reset();
		Map<String, Object> changedPlan = ZuoraStub.Catalog.product("P1", "Product 1",
				List.of(ZuoraStub.Catalog.ratePlan("RP1", "Plan 1", planFields("renew", "True"),
						List.of(ZuoraStub.Catalog.charge("C1", "Charge 1", "Annual", 120.0,
								chargeFields("Ultimate", "GitLab.com"))))));
		zuora.stubCatalog(PAGE_SIZE, List.of(changedPlan, product(2), product(4)));
		SyncRun second = this.syncs.syncNow(SyncTrigger.ADMIN);

		assertThat(second.catalogVersion()).isEqualTo(2);
		assertThat(this.versions.current()).isEqualTo(2);
		assertThat(this.versions.diff(2)).hasValue(second.diff());
		assertThat(customFields("catalog_rate_plan", "RP1")).contains("\"CDotActions__c\": [\"renew\"]");
		assertThat(this.jdbc.sql("""
				select t.price from catalog_charge_tier t join catalog_charge c on c.id = t.charge_id
				where c.zuora_id = 'C1'""").query(BigDecimal.class).single()).isEqualByComparingTo("120");

		JsonNode diff = second.diff();
		assertThat(diff.path("added").findValuesAsString("zuora_id")).containsExactlyInAnyOrder("P4", "RP4", "C4");
		assertThat(diff.path("removed").findValuesAsString("zuora_id")).containsExactlyInAnyOrder("P3", "RP3", "C3");
		JsonNode ratePlanChange = changeOf(diff, "RP1");
		assertThat(ratePlanChange.path("type").stringValue()).isEqualTo("rate_plan");
		assertThat(ratePlanChange.path("fields").propertyNames()).containsExactly("CDotActions__c");
		JsonNode actions = ratePlanChange.path("fields").path("CDotActions__c");
		assertThat(actions.path("from").toString()).isEqualTo("[\"initial_purchase\",\"renew\"]");
		assertThat(actions.path("to").toString()).isEqualTo("[\"renew\"]");
		JsonNode chargeChange = changeOf(diff, "C1");
		assertThat(chargeChange.path("fields").path("ChargeTier__c").path("from").stringValue()).isEqualTo("Premium");
		assertThat(chargeChange.path("fields").path("ChargeTier__c").path("to").stringValue()).isEqualTo("Ultimate");
		assertThat(chargeChange.path("fields").path("tiers").path("to").get(0).path("price").decimalValue())
			.isEqualByComparingTo("120");
		assertThat(second.counts().path("changed").intValue()).isEqualTo(2);
		assertThat(this.jdbc.sql("select changed_in_version from catalog_rate_plan where zuora_id = 'RP2'")
			.query(Long.class)
			.single()).as("untouched rows keep their version").isEqualTo(1);
	}

	@Test
	void anUnchangedCatalogMakesNoNewVersion() {
		zuora.stubCatalog(PAGE_SIZE, catalog(3));
		this.syncs.syncNow(SyncTrigger.ADMIN);
		SyncRun again = this.syncs.syncNow(SyncTrigger.ADMIN);
		assertThat(again.status()).isEqualTo("succeeded");
		assertThat(again.catalogVersion()).isEqualTo(1);
		assertThat(again.diff().toString()).isEqualTo(CatalogDiff.EMPTY_JSON);
		assertThat(count("catalog_version")).isEqualTo(1);
		assertThat(this.events.stream(CatalogSynced.class)).hasSize(1);
	}

	@Test
	void invalidValuesAreFindingsOfTheRunCountedInAMetricAndKeptAsTheyCame() {
		Map<String, Object> invalid = ZuoraStub.Catalog.product("P1", "Product 1", List.of(ZuoraStub.Catalog
			.ratePlan("RP1", "Plan 1", planFields("initial_purchase;resell", "Yes"), List.of(charge(1)))));
		zuora.stubCatalog(PAGE_SIZE, List.of(invalid, product(2)));
		double before = findingsCounted("CDotAccessible__c");
		SyncRun run = this.syncs.syncNow(SyncTrigger.ADMIN);
		assertThat(run.status()).isEqualTo("succeeded");
		assertThat(run.findings()).hasSize(2);
		JsonNode finding = run.findings().get(0);
		assertThat(List.of(finding.path("record_type").stringValue(), finding.path("zuora_id").stringValue(),
				finding.path("field").stringValue(), finding.path("value").stringValue(),
				finding.path("problem").stringValue()))
			.containsExactly("rate_plan", "RP1", "CDotAccessible__c", "Yes",
					"CDotAccessible__c value 'Yes' is not a boolean");
		assertThat(run.counts().path("findings").intValue()).isEqualTo(2);
		assertThat(findingsCounted("CDotAccessible__c") - before).isEqualTo(1.0);
		assertThat(this.meters.get("cdot.catalog.sync.last.success.findings").gauge().value())
			.as("what the CatalogSyncFindings alert reads")
			.isEqualTo(2.0);
		assertThat(customFields("catalog_rate_plan", "RP1")).contains("\"CDotAccessible__c\": \"Yes\"")
			.contains("\"CDotActions__c\": \"initial_purchase;resell\"");
		assertThat(count("catalog_rate_plan")).isEqualTo(2);
	}

	@Test
	void aSyncWhileAnotherReplicaHoldsTheLockIsSkipped() {
		zuora.stubCatalog(PAGE_SIZE, catalog(1));
		anotherReplicaHoldsTheSyncLock();
		SyncRun run = this.syncs.syncNow(SyncTrigger.ADMIN);
		assertThat(run.status()).isEqualTo("skipped");
		assertThat(run.error()).contains("Another catalog sync was running");
		assertThat(zuora.productRequests()).isZero();
	}

	@Test
	void everyOutcomeOfEveryTriggerIsRegisteredBeforeItsFirstRun() {
		// a counter born at 1 with its first failure shows no increase() to the alert
		for (SyncTrigger trigger : SyncTrigger.values()) {
			assertThat(this.meters.find("cdot.catalog.sync.runs").tag("trigger", trigger.value()).counters())
				.extracting((counter) -> counter.getId().getTag("outcome"))
				.containsExactlyInAnyOrder("succeeded", "failed");
		}
	}

	private double runsCounted(String outcome, SyncTrigger trigger) {
		return this.meters.get("cdot.catalog.sync.runs")
			.tag("outcome", outcome)
			.tag("trigger", trigger.value())
			.counter()
			.count();
	}

	private double findingsCounted(String field) {
		Counter counter = this.meters.find("cdot.catalog.sync.findings").tag("field", field).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static JsonNode changeOf(JsonNode diff, String zuoraId) {
		for (JsonNode change : diff.path("changed")) {
			if (change.path("zuora_id").stringValue().equals(zuoraId)) {
				return change;
			}
		}
		throw new AssertionError("No change of " + zuoraId + " in " + diff);
	}

	private static Map<String, Object> renamed(int i, String name) {
		return ZuoraStub.Catalog.product("P" + i, "Product " + i, List.of(ZuoraStub.Catalog.ratePlan("RP" + i, name,
				planFields("initial_purchase;renew", "True"), List.of(charge(i)))));
	}

	private String customFields(String table, String zuoraId) {
		return this.jdbc.sql("select custom_fields::text from " + table + " where zuora_id = :id")
			.param("id", zuoraId)
			.query(String.class)
			.single();
	}

	private Long removedInVersion(String table, String zuoraId) {
		return this.jdbc.sql("select removed_in_version from " + table + " where zuora_id = :id")
			.param("id", zuoraId)
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, Long.class)))
			.single()
			.orElse(null);
	}

	private List<Map<String, Object>> catalogRows() {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String table : List.of("catalog_product", "catalog_rate_plan", "catalog_charge", "catalog_charge_tier")) {
			rows.addAll(this.jdbc.sql("select * from " + table + " order by id").query().listOfRows());
		}
		return rows;
	}

}

package io.cdottrials.cdot.catalog.internal.sync.store;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.cdottrials.cdot.catalog.internal.source.record.ChargeRecord;
import io.cdottrials.cdot.catalog.internal.source.FetchedCatalog;
import io.cdottrials.cdot.catalog.internal.source.record.ProductRecord;
import io.cdottrials.cdot.catalog.internal.source.record.RatePlanRecord;
import io.cdottrials.cdot.catalog.internal.source.record.TierRecord;
import io.cdottrials.cdot.catalog.internal.sync.store.CatalogChanges.Kind;
import io.cdottrials.cdot.catalog.internal.sync.store.StoredCatalog.Stored;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogDifferTests {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	@Test
	void theSameCatalogIsNoChangeEvenWithPricesWrittenDifferently() {
		StoredCatalog stored = stored(charge("C1", new BigDecimal("290.000000000"), Map.of()), false);
		CatalogChanges changes = CatalogDiffer.diff(stored, snapshot(charge("C1", new BigDecimal("290"), Map.of())));
		assertThat(changes.isEmpty()).isTrue();
	}

	@Test
	void anAbsentFieldAndANullFieldAreTheSame() {
		StoredCatalog stored = stored(charge("C1", BigDecimal.TEN, Map.of()), false);
		CatalogChanges changes = CatalogDiffer.diff(stored,
				snapshot(charge("C1", BigDecimal.TEN, Map.of("ChargeTier__c", nodes.nullNode()))));
		assertThat(changes.isEmpty()).isTrue();
	}

	@Test
	void aChangedCustomFieldIsReportedFromTo() {
		StoredCatalog stored = stored(
				charge("C1", BigDecimal.TEN, Map.of("ChargeTier__c", nodes.stringNode("Premium"))), false);
		CatalogChanges changes = CatalogDiffer.diff(stored,
				snapshot(charge("C1", BigDecimal.TEN, Map.of("ChargeTier__c", nodes.stringNode("Ultimate")))));
		assertThat(changes.charges()).singleElement().satisfies((change) -> {
			assertThat(change.kind()).isEqualTo(Kind.CHANGED);
			assertThat(change.fields()).containsOnlyKeys("ChargeTier__c");
			assertThat(change.fields().get("ChargeTier__c").from().stringValue()).isEqualTo("Premium");
			assertThat(change.fields().get("ChargeTier__c").to().stringValue()).isEqualTo("Ultimate");
		});
	}

	@Test
	void aRemovedRecordThatComesBackIsRestored() {
		StoredCatalog stored = stored(charge("C1", BigDecimal.TEN, Map.of()), true);
		CatalogChanges changes = CatalogDiffer.diff(stored, snapshot(charge("C1", BigDecimal.TEN, Map.of())));
		assertThat(changes.charges()).extracting(CatalogChanges.Change::kind).containsExactly(Kind.RESTORED);
		assertThat(changes.diff().added()).extracting(CatalogDiff.Entry::restored).containsExactly(true);
	}

	@Test
	void aRecordMissingFromTheSourceIsRemovedOnce() {
		StoredCatalog stored = stored(charge("C1", BigDecimal.TEN, Map.of()), false);
		FetchedCatalog empty = new FetchedCatalog(List.of(product()), List.of(ratePlan()), List.of(), List.of());
		assertThat(CatalogDiffer.diff(stored, empty).charges()).extracting(CatalogChanges.Change::kind)
			.containsExactly(Kind.REMOVED);
		StoredCatalog alreadyRemoved = stored(charge("C1", BigDecimal.TEN, Map.of()), true);
		assertThat(CatalogDiffer.diff(alreadyRemoved, empty).isEmpty()).isTrue();
	}

	private static StoredCatalog stored(ChargeRecord charge, boolean chargeRemoved) {
		return new StoredCatalog(Map.of("P1", new Stored<>(1, product(), false)),
				Map.of("RP1", new Stored<>(1, ratePlan(), false)),
				Map.of("C1", new Stored<>(1, charge, chargeRemoved)));
	}

	private static FetchedCatalog snapshot(ChargeRecord charge) {
		return new FetchedCatalog(List.of(product()), List.of(ratePlan()), List.of(charge), List.of());
	}

	private static ProductRecord product() {
		return new ProductRecord("P1", "Product", "SKU-1", null, null, null, Map.of());
	}

	private static RatePlanRecord ratePlan() {
		return new RatePlanRecord("RP1", "P1", "Plan", null, "Active", null, null, Map.of());
	}

	private static ChargeRecord charge(String id, BigDecimal price, Map<String, JsonNode> customFields) {
		return new ChargeRecord(id, "RP1", "Charge", "Recurring", "PerUnit", "Seats", "Annual", BigDecimal.ONE,
				new TreeMap<>(customFields), List.of(new TierRecord("USD", 1, null, null, price, null)));
	}

}

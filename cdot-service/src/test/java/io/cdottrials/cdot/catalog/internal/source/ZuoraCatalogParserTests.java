package io.cdottrials.cdot.catalog.internal.source;

import java.math.BigDecimal;
import java.util.List;

import io.cdottrials.cdot.catalog.internal.source.record.ChargeRecord;
import io.cdottrials.cdot.catalog.internal.source.record.ProductRecord;
import io.cdottrials.cdot.catalog.internal.source.record.RatePlanRecord;
import io.cdottrials.cdot.catalog.internal.source.record.TierRecord;
import io.cdottrials.cdot.catalog.internal.source.record.ValidationFinding;
import io.cdottrials.cdot.catalog.internal.source.record.Values;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ZuoraCatalogParserTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void normalisesDeclaredFieldsAndKeepsUnknownOnesAsTheyCame() {
		FetchedCatalog snapshot = parse("""
				[{"id": "P1", "name": "GitLab.com Premium", "productRatePlans": [{
				  "id": "RP1", "name": "Premium - 1 Year", "status": "Active",
				  "CDotAccessible__c": "True", "CDotActions__c": "initial_purchase, renew;additional_purchase",
				  "CDotIsTrueUp__c": null, "TermType__c": "TERMED", "Seats__c": 5,
				  "productRatePlanCharges": [{
				    "id": "C1", "name": "Premium", "type": "Recurring", "model": "PerUnit", "billingPeriod": "Annual",
				    "defaultQuantity": 1, "ChargeTier__c": "Premium", "ChargeDeployment__c": "GitLab.com",
				    "RevenueRecognitionCategory__c": {"code": "SW"},
				    "pricing": [{"currency": "USD", "price": 348.000000000, "tiers": null},
				                {"currency": "EUR", "price": 324.0, "tiers": null}]}]}]}]""");
		assertThat(snapshot.findings()).isEmpty();
		RatePlanRecord ratePlan = snapshot.ratePlans().get(0);
		assertThat(ratePlan.productZuoraId()).isEqualTo("P1");
		assertThat(ratePlan.customFields().get("CDotAccessible__c").booleanValue()).isTrue();
		assertThat(ratePlan.customFields().get("CDotActions__c").toString())
			.isEqualTo("[\"initial_purchase\",\"renew\",\"additional_purchase\"]");
		assertThat(ratePlan.customFields().get("CDotIsTrueUp__c").isNull()).isTrue();
		assertThat(ratePlan.customFields().get("TermType__c").stringValue()).isEqualTo("TERMED");
		assertThat(ratePlan.customFields().get("Seats__c").intValue()).isEqualTo(5);
		ChargeRecord charge = snapshot.charges().get(0);
		assertThat(charge.customFields().get("RevenueRecognitionCategory__c").toString())
			.isEqualTo("{\"code\":\"SW\"}");
		assertThat(charge.tiers()).extracting(TierRecord::currency, (tier) -> Values.canonical(tier.price()))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("EUR", new BigDecimal("324")),
					org.assertj.core.groups.Tuple.tuple("USD", new BigDecimal("348")));
	}

	@Test
	void readsPriceTiers() {
		FetchedCatalog snapshot = parse(
				"""
						[{"id": "P1", "name": "Dedicated", "productRatePlans": [{"id": "RP1", "name": "Dedicated",
						  "productRatePlanCharges": [{"id": "C1", "name": "Seats", "model": "Tiered", "pricing": [
						    {"currency": "USD", "price": null, "tiers": [
						      {"tier": 1, "startingUnit": 500, "endingUnit": 1000, "price": 1500, "priceFormat": "Per Unit"},
						      {"tier": 2, "startingUnit": 1001, "endingUnit": null, "price": 1400, "priceFormat": "Per Unit"}]}]}]}]}]""");
		assertThat(snapshot.charges().get(0).tiers()).extracting(TierRecord::tier, TierRecord::startingUnit)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, new BigDecimal("500")),
					org.assertj.core.groups.Tuple.tuple(2, new BigDecimal("1001")));
	}

	@Test
	void valuesOutsideTheirTypeAreFindingsAndKeptAsTheyCame() {
		FetchedCatalog snapshot = parse("""
				[{"id": "P1", "name": "P", "productRatePlans": [{"id": "RP1", "name": "Plan",
				  "CDotAccessible__c": "Yes", "CDotActions__c": "initial_purchase;resell",
				  "productRatePlanCharges": [{"id": "C1", "name": "Charge", "ChargeTier__c": "Platinum"}]}]}]""");
		assertThat(snapshot.findings())
			.extracting(ValidationFinding::recordType, ValidationFinding::zuoraId, ValidationFinding::field,
					ValidationFinding::value)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("rate_plan", "RP1", "CDotAccessible__c", "Yes"),
					org.assertj.core.groups.Tuple.tuple("rate_plan", "RP1", "CDotActions__c",
							"initial_purchase;resell"),
					org.assertj.core.groups.Tuple.tuple("charge", "C1", "ChargeTier__c", "Platinum"));
		assertThat(snapshot.findings().get(1).problem()).contains("resell");
		assertThat(snapshot.ratePlans().get(0).customFields().get("CDotAccessible__c").stringValue()).isEqualTo("Yes");
		assertThat(snapshot.charges().get(0).customFields().get("ChargeTier__c").stringValue()).isEqualTo("Platinum");
	}

	@Test
	void aRecordListedTwiceIsAFindingAndTheFirstIsKept() {
		FetchedCatalog snapshot = parse("""
				[{"id": "P1", "name": "First", "productRatePlans": []},
				 {"id": "P1", "name": "Second", "productRatePlans": []}]""");
		assertThat(snapshot.products()).extracting(ProductRecord::name).containsExactly("First");
		assertThat(snapshot.findings()).extracting(ValidationFinding::problem)
			.containsExactly("is listed more than once; the first is kept");
	}

	@Test
	void aRecordWithoutAnIdFailsTheRead() {
		assertThatExceptionOfType(CatalogSourceException.class)
			.isThrownBy(() -> parse("[{\"name\": \"No id\", \"productRatePlans\": []}]"))
			.withMessageContaining("product without an id");
	}

	@Test
	void theDemoCatalogReadsWithExactlyItsFourDocumentedFindings() {
		FetchedCatalog snapshot = new FileCatalogSource(new ClassPathResource("catalog/demo-catalog.json"), this.json)
			.fetch();
		assertThat(snapshot.products()).hasSize(16);
		assertThat(snapshot.ratePlans()).hasSize(66);
		assertThat(snapshot.charges()).hasSize(70);
		assertThat(snapshot.findings()).extracting(ValidationFinding::zuoraId, ValidationFinding::field)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("8a283ef3c3f1f63de2120dcd2ab09425", "CDotAccessible__c"),
					org.assertj.core.groups.Tuple.tuple("8a287334fef1e706f9320fa08759ccfa", "CDotActions__c"),
					org.assertj.core.groups.Tuple.tuple("8a2871039e110f9d69460d2f9cc7c0a0", "ChargeTier__c"),
					org.assertj.core.groups.Tuple.tuple("8a286a4ad34511f5bb9adb015602c06d", "CDotPlanStatus__c"));
	}

	@Test
	void aMissingFileFailsTheRead() {
		FileCatalogSource source = new FileCatalogSource(new ClassPathResource("catalog/missing.json"), this.json);
		assertThatExceptionOfType(CatalogSourceException.class).isThrownBy(source::fetch)
			.withMessageContaining("does not exist");
	}

	private FetchedCatalog parse(String products) {
		List<JsonNode> nodes = List.copyOf(this.json.readTree(products).values());
		return new ZuoraCatalogParser().parse(nodes);
	}

}

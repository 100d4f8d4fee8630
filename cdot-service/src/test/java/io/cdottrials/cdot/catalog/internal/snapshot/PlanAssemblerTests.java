package io.cdottrials.cdot.catalog.internal.snapshot;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.cdottrials.cdot.catalog.Deployment;
import io.cdottrials.cdot.catalog.Plan;
import io.cdottrials.cdot.catalog.PlanType;
import io.cdottrials.cdot.catalog.Tier;
import io.cdottrials.cdot.catalog.internal.snapshot.CatalogRows.ChargeRow;
import io.cdottrials.cdot.catalog.internal.snapshot.CatalogRows.RatePlanRow;
import io.cdottrials.cdot.catalog.internal.snapshot.CatalogRows.TierRow;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlanAssemblerTests {

	private static final Map<String, Object> PREMIUM_GITLAB_COM = Map.of("CDotPlanType__c", "base_product",
			"ChargeTier__c", "Premium", "ChargeDeployment__c", "GitLab.com");

	@Test
	void aMonthlyPlanIsPricedByItsRecurringCharge() {
		ChargeRow monthly = charge(10, "Recurring", "PerUnit", "Month", "1", PREMIUM_GITLAB_COM);
		Plan plan = PlanAssembler.assemble(ratePlan(Map.of()), List.of(monthly), Map.of(10L, List.of(flat(10, "29"))));
		assertThat(plan.id()).isEqualTo("rp-1");
		assertThat(plan.name()).isEqualTo("GitLab.com Premium - Monthly");
		assertThat(plan.productName()).isEqualTo("GitLab.com Premium");
		assertThat(plan.sku()).isEqualTo("SKU-1");
		assertThat(plan.tier()).isEqualTo(Tier.PREMIUM);
		assertThat(plan.deployments()).containsExactly(Deployment.GITLAB_COM);
		assertThat(plan.planTypes()).containsExactly(PlanType.BASE_PRODUCT);
		assertThat(plan.billingPeriod()).isEqualTo("Month");
		assertThat(plan.listPrice()).isEqualByComparingTo("29");
		assertThat(plan.minimumQuantity()).isEqualTo(1);
		assertThat(plan.accessible()).isTrue();
		assertThat(plan.removed()).isFalse();
	}

	@Test
	void anAnnualPlanAnswersItsAnnualPeriodAndPrice() {
		ChargeRow annual = charge(10, "Recurring", "PerUnit", "Annual", "1", PREMIUM_GITLAB_COM);
		Plan plan = PlanAssembler.assemble(ratePlan(Map.of()), List.of(annual), Map.of(10L, List.of(flat(10, "348"))));
		assertThat(plan.billingPeriod()).isEqualTo("Annual");
		assertThat(plan.listPrice()).isEqualByComparingTo("348");
	}

	@Test
	void aTieredChargeIsPricedByItsFirstTierAndStartsAtItsFirstUnit() {
		ChargeRow seats = charge(10, "Recurring", "Tiered", "Annual", "1000", Map.of("CDotPlanType__c", "base_product",
				"ChargeTier__c", "Ultimate", "ChargeDeployment__c", "Dedicated"));
		List<TierRow> tiers = List.of(new TierRow(10, 2, bd("2501"), bd("1350")),
				new TierRow(10, 1, bd("500"), bd("1500")), new TierRow(10, 3, bd("10001"), bd("1200")));
		Plan plan = PlanAssembler.assemble(ratePlan(Map.of()), List.of(seats), Map.of(10L, tiers));
		assertThat(plan.listPrice()).isEqualByComparingTo("1500");
		assertThat(plan.minimumQuantity()).as("the first tier wins over the default quantity").isEqualTo(500);
	}

	@Test
	void severalChargesAreReadTogether() {
		ChargeRow onboarding = charge(10, "OneTime", "FlatFee", null, "1",
				Map.of("CDotPlanType__c", "professional_services", "ChargeDeployment__c", "Not Applicable"));
		ChargeRow seats = charge(11, "Recurring", "PerUnit", "Annual", "5", Map.of("CDotPlanType__c", "base_product",
				"ChargeTier__c", "Ultimate", "ChargeDeployment__c", "Self-Managed"));
		ChargeRow duo = charge(12, "Recurring", "PerUnit", "Annual", "1",
				Map.of("CDotPlanType__c", "duo_pro", "ChargeTier__c", "Not Applicable"));
		Plan plan = PlanAssembler.assemble(ratePlan(Map.of()), List.of(onboarding, seats, duo),
				Map.of(10L, List.of(flat(10, "5000")), 11L, List.of(flat(11, "1188")), 12L, List.of(flat(12, "228"))));
		assertThat(plan.tier()).as("the base product's tier, not the first charge's").isEqualTo(Tier.ULTIMATE);
		assertThat(plan.deployments()).as("Not Applicable names no deployment")
			.containsExactly(Deployment.SELF_MANAGED);
		assertThat(plan.planTypes()).containsExactlyInAnyOrder(PlanType.PROFESSIONAL_SERVICES, PlanType.BASE_PRODUCT,
				PlanType.DUO_PRO);
		assertThat(plan.listPrice()).as("recurring charges only").isEqualByComparingTo("1416");
		assertThat(plan.minimumQuantity()).as("the base product's default quantity").isEqualTo(5);
		assertThat(plan.basePlan()).isTrue();
	}

	@Test
	void withoutABaseProductTheFirstChargeNamingATierGivesIt() {
		ChargeRow untiered = charge(10, "Recurring", "PerUnit", "Month", null, Map.of("CDotPlanType__c", "storage"));
		ChargeRow tiered = charge(11, "Recurring", "PerUnit", "Month", null,
				Map.of("CDotPlanType__c", "storage", "ChargeTier__c", "Gold"));
		Plan plan = PlanAssembler.assemble(ratePlan(Map.of()), List.of(untiered, tiered), Map.of());
		assertThat(plan.tier()).isEqualTo(Tier.GOLD);
		assertThat(plan.basePlan()).isFalse();
	}

	@Test
	void missingFieldsLeaveTheValueEmpty() {
		ChargeRow bare = charge(10, null, null, null, null, Map.of());
		Plan plan = PlanAssembler.assemble(ratePlan(Map.of()), List.of(bare), Map.of());
		assertThat(plan.tier()).isNull();
		assertThat(plan.deployments()).isEmpty();
		assertThat(plan.planTypes()).isEmpty();
		assertThat(plan.billingPeriod()).isNull();
		assertThat(plan.listPrice()).isNull();
		assertThat(plan.minimumQuantity()).isEqualTo(1);

		Plan withoutCharges = PlanAssembler.assemble(ratePlan(Map.of()), List.of(), Map.of());
		assertThat(withoutCharges.minimumQuantity()).isEqualTo(1);
		assertThat(withoutCharges.listPrice()).isNull();
	}

	@Test
	void anInvalidValueKeptRawIsNoTier() {
		ChargeRow platinum = charge(10, "Recurring", "PerUnit", "Annual", "250",
				Map.of("CDotPlanType__c", "base_product", "ChargeTier__c", "Platinum"));
		Plan plan = PlanAssembler.assemble(ratePlan(Map.of()), List.of(platinum), Map.of());
		assertThat(plan.tier()).isNull();
		assertThat(plan.minimumQuantity()).isEqualTo(250);
	}

	@Test
	void aOneTimePackIsPricedByItsOneTimeCharge() {
		ChargeRow pack = charge(10, "OneTime", "FlatFee", null, "1", Map.of("CDotPlanType__c", "ci_minutes"));
		Plan plan = PlanAssembler.assemble(ratePlan(Map.of()), List.of(pack), Map.of(10L, List.of(flat(10, "10"))));
		assertThat(plan.listPrice()).isEqualByComparingTo("10");
		assertThat(plan.billingPeriod()).isNull();
	}

	@Test
	void onlyAnExplicitFalseMakesAPlanInaccessible() {
		assertThat(
				PlanAssembler.assemble(ratePlan(Map.of("CDotAccessible__c", false)), List.of(), Map.of()).accessible())
			.isFalse();
		assertThat(
				PlanAssembler.assemble(ratePlan(Map.of("CDotAccessible__c", "Yes")), List.of(), Map.of()).accessible())
			.isTrue();
	}

	@Test
	void aCurrentPlanLeavesOutRemovedChargesAndARemovedPlanKeepsThem() {
		ChargeRow removedCharge = new ChargeRow(10, 1, "Recurring", "PerUnit", "Annual", BigDecimal.ONE,
				Map.of("ChargeDeployment__c", "Self-Managed"), true);
		ChargeRow current = charge(11, "Recurring", "PerUnit", "Annual", "1", PREMIUM_GITLAB_COM);
		Plan plan = PlanAssembler.assemble(ratePlan(Map.of()), List.of(removedCharge, current), Map.of());
		assertThat(plan.deployments()).containsExactly(Deployment.GITLAB_COM);

		RatePlanRow removedPlan = new RatePlanRow(1, "rp-1", "Old", "Product", null, Map.of(), true);
		Plan removed = PlanAssembler.assemble(removedPlan, List.of(removedCharge), Map.of());
		assertThat(removed.removed()).isTrue();
		assertThat(removed.deployments()).containsExactly(Deployment.SELF_MANAGED);
	}

	private static RatePlanRow ratePlan(Map<String, Object> customFields) {
		return new RatePlanRow(1, "rp-1", "GitLab.com Premium - Monthly", "GitLab.com Premium", "SKU-1", customFields,
				false);
	}

	private static ChargeRow charge(long id, @Nullable String type, @Nullable String model,
			@Nullable String billingPeriod, @Nullable String defaultQuantity, Map<String, Object> customFields) {
		return new ChargeRow(id, 1, type, model, billingPeriod, (defaultQuantity != null) ? bd(defaultQuantity) : null,
				customFields, false);
	}

	private static TierRow flat(long chargeId, String price) {
		return new TierRow(chargeId, 1, null, bd(price));
	}

	private static BigDecimal bd(String value) {
		return new BigDecimal(value);
	}

}

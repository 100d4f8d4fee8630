package io.cdottrials.cdot.catalog.internal.backfill;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cdottrials.cdot.catalog.internal.backfill.BackfillPlanner.CurrentRatePlan;
import io.cdottrials.cdot.catalog.internal.backfill.BackfillPlanner.RatePlanUpdate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackfillPlannerTests {

	@Test
	void aPlanWhoseFieldsAgreeIsLeftAlone() {
		CurrentRatePlan plan = new CurrentRatePlan("rp",
				Map.of("CDotActions__c", List.of("renew"), "CDotPlanStatus__c", "active", "CDotIsTrueUp__c", false),
				true);
		assertThat(BackfillPlanner.plan(List.of(plan),
				Map.of("renewable_plans", Set.of("rp"), "active_plans", Set.of("rp"))))
			.isEmpty();
	}

	@Test
	void theConstantsMembershipBecomesFieldValues() {
		CurrentRatePlan plan = new CurrentRatePlan("rp", Map.of(), false);
		List<RatePlanUpdate> updates = BackfillPlanner.plan(List.of(plan),
				Map.of("true_up_plans", Set.of("rp"), "us_pub_sec_plans", Set.of("rp"), "education_plans", Set.of("rp"),
						"deprecated_plans", Set.of("rp"), "renewable_plans", Set.of("rp"),
						"self_service_gitlab_com_plans", Set.of("rp")));
		assertThat(updates).singleElement().satisfies((update) -> {
			assertThat(update.ratePlanId()).isEqualTo("rp");
			assertThat(update.fields()).containsExactly(Map.entry("CDotActions__c", "initial_purchase;renew"),
					Map.entry("CDotPlanStatus__c", "deprecated"), Map.entry("CDotIsTrueUp__c", true),
					Map.entry("CDotIsUsPubSec__c", true), Map.entry("CDotCommunityType__c", "education"));
		});
	}

	@Test
	void aPlanTheConstantsLeaveOutLosesItsClassifyingValues() {
		CurrentRatePlan plan = new CurrentRatePlan("rp", Map.of("CDotActions__c", List.of("initial_purchase", "renew"),
				"CDotPlanStatus__c", "active", "CDotIsTrueUp__c", true, "CDotCommunityType__c", "startup"), true);
		assertThat(BackfillPlanner.plan(List.of(plan), Map.of())).singleElement()
			.satisfies((update) -> assertThat(update.fields()).containsExactly(Map.entry("CDotActions__c", ""),
					Map.entry("CDotPlanStatus__c", "not_applicable"), Map.entry("CDotIsTrueUp__c", false),
					Map.entry("CDotCommunityType__c", "not_applicable")));
	}

	@Test
	void initialPurchaseOfASelfManagedPlanIsNotAGitlabComMatter() {
		CurrentRatePlan selfManaged = new CurrentRatePlan("rp", Map.of("CDotActions__c", List.of("initial_purchase")),
				false);
		assertThat(BackfillPlanner.plan(List.of(selfManaged), Map.of())).isEmpty();
	}

	@Test
	void valuesOutsideTheirTypeAreLeftToTheSyncsFindings() {
		CurrentRatePlan plan = new CurrentRatePlan("rp", Map.of("CDotActions__c", "initial_purchase;resell",
				"CDotIsTrueUp__c", "maybe", "CDotPlanStatus__c", "retired"), true);
		assertThat(BackfillPlanner.plan(List.of(plan), Map.of("true_up_plans", Set.of("rp")))).isEmpty();
	}

}

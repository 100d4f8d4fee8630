package io.cdottrials.cdot.subscriptions;

import java.util.List;

import io.cdottrials.cdot.catalog.PlanType;
import io.cdottrials.cdot.catalog.Tier;
import io.cdottrials.testsupport.FixturePlans;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaidTiersTests {

	@Test
	void theHighestGitlabComBasePlanCounts() {
		NamespaceState state = PaidTiers.stateOf(7,
				List.of(FixturePlans.COM_BRONZE, FixturePlans.COM_SILVER, FixturePlans.SM_ULTIMATE));

		assertThat(state.paidTier()).isEqualTo(Tier.PREMIUM);
	}

	@Test
	void goldCountsAsUltimateAndAddOnsAreCollected() {
		NamespaceState state = PaidTiers.stateOf(7,
				List.of(FixturePlans.COM_GOLD, FixturePlans.DUO_PRO, FixturePlans.CI_MINUTES));

		assertThat(state.paidTier()).isEqualTo(Tier.ULTIMATE);
		assertThat(state.activeAddOns()).containsExactlyInAnyOrder(PlanType.DUO_PRO, PlanType.CI_MINUTES);
	}

	@Test
	void selfManagedOnlyIsFree() {
		assertThat(PaidTiers.stateOf(7, List.of(FixturePlans.SM_ULTIMATE)).paidTier()).isEqualTo(Tier.FREE);
	}

}

package io.cdottrials.cdot.subscriptions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cdottrials.cdot.catalog.PlanCatalog;
import io.cdottrials.cdot.catalog.PlanType;
import io.cdottrials.cdot.catalog.Tier;
import io.cdottrials.testsupport.FixturePlans;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link JdbcSubscriptions} on the real PostgreSQL schema (Flyway's migrations): what it
 * stores, what it reads back as a namespace's state on a day, and the
 * {@link SubscriptionChanged} it publishes.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ JdbcSubscriptions.class, JdbcSubscriptionsTests.Fixtures.class })
@RecordApplicationEvents
class JdbcSubscriptionsTests {

	private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

	private static final LocalDate NEXT_JAN_1 = LocalDate.of(2027, 1, 1);

	@Autowired
	private JdbcSubscriptions subscriptions;

	@Autowired
	private ApplicationEvents events;

	@Test
	void replacingStoresTheItemsAndPublishesTheChange() {
		this.subscriptions.replace(5, List.of(item(FixturePlans.DUO_PRO), item(FixturePlans.COM_PREMIUM)));

		assertThat(this.subscriptions.items(5)).extracting(SubscriptionItem::productRatePlanId)
			.containsExactlyInAnyOrder(FixturePlans.DUO_PRO.id(), FixturePlans.COM_PREMIUM.id());
		assertThat(this.events.stream(SubscriptionChanged.class)).singleElement().satisfies((event) -> {
			assertThat(event.namespaceId()).isEqualTo(5);
			assertThat(event.occurredAt()).isEqualTo(NOW);
		});
	}

	@Test
	void replacingDropsTheItemsItDoesNotName() {
		this.subscriptions.replace(5, List.of(item(FixturePlans.COM_PREMIUM)));

		this.subscriptions.replace(5, List.of(item(FixturePlans.COM_ULTIMATE)));

		assertThat(this.subscriptions.items(5)).containsExactly(item(FixturePlans.COM_ULTIMATE));
	}

	@Test
	void aPlanOutsideTheCatalogStoresNothingAndPublishesNothing() {
		SubscriptionItem unknown = new SubscriptionItem("no-such-plan", 1, JAN_1, NEXT_JAN_1);

		assertThatExceptionOfType(UnknownRatePlanException.class)
			.isThrownBy(() -> this.subscriptions.replace(5, List.of(item(FixturePlans.COM_PREMIUM), unknown)));

		assertThat(this.subscriptions.items(5)).isEmpty();
		assertThat(this.events.stream(SubscriptionChanged.class)).isEmpty();
	}

	@Test
	void theStateOnADayHasTheHighestActiveTierAndTheActiveAddOns() {
		this.subscriptions.replace(6, List.of(item(FixturePlans.COM_PREMIUM), item(FixturePlans.DUO_PRO),
				new SubscriptionItem(FixturePlans.COM_ULTIMATE.id(), 1, JAN_1.minusYears(1), JAN_1)));

		Map<Long, NamespaceState> states = this.subscriptions.states(List.of(6L, 7L), LocalDate.of(2026, 6, 1));

		assertThat(states.get(6L)).isEqualTo(new NamespaceState(6, Tier.PREMIUM, Set.of(PlanType.DUO_PRO)));
		assertThat(states.get(7L)).as("a namespace without items").isEqualTo(NamespaceState.free(7));
	}

	@Test
	void anItemIsNoLongerActiveOnItsEndDay() {
		this.subscriptions.replace(8, List.of(item(FixturePlans.COM_PREMIUM)));

		assertThat(this.subscriptions.states(List.of(8L), NEXT_JAN_1.minusDays(1)).get(8L).paidTier())
			.isEqualTo(Tier.PREMIUM);
		assertThat(this.subscriptions.states(List.of(8L), NEXT_JAN_1).get(8L)).isEqualTo(NamespaceState.free(8));
	}

	private static SubscriptionItem item(io.cdottrials.cdot.catalog.Plan plan) {
		return new SubscriptionItem(plan.id(), 10, JAN_1, NEXT_JAN_1);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Fixtures {

		@Bean
		PlanCatalog planCatalog() {
			return new FixturePlans();
		}

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}

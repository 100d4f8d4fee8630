package io.cdottrials.cdot.subscriptions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.cdottrials.cdot.catalog.PlanCatalog;
import io.cdottrials.testsupport.FixturePlans;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscriptions module alone (the catalog it reads stood in by {@link FixturePlans}):
 * a change of a namespace's items leaves as one {@link SubscriptionChanged} for the
 * modules that listen.
 */
@ApplicationModuleTest
class SubscriptionsModuleTests {

	@Autowired
	private Subscriptions subscriptions;

	@Test
	void replacingTheItemsPublishesTheChangeOfThatNamespace(Scenario scenario) {
		SubscriptionItem premium = new SubscriptionItem(FixturePlans.COM_PREMIUM.id(), 10, LocalDate.of(2026, 1, 1),
				LocalDate.of(2027, 1, 1));

		scenario.stimulate(() -> this.subscriptions.replace(31, List.of(premium)))
			.andWaitForEventOfType(SubscriptionChanged.class)
			.matching((event) -> event.namespaceId() == 31)
			.toArriveAndVerify((event) -> assertThat(this.subscriptions.items(31)).containsExactly(premium));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CatalogAndClock {

		@Bean
		PlanCatalog planCatalog() {
			return new FixturePlans();
		}

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

}

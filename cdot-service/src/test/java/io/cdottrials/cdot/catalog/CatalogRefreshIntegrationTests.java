package io.cdottrials.cdot.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A catalog version committed while the application runs changes the answers, with no
 * restart: at once on this replica's {@link CatalogSynced}, and through the periodic
 * version check when another replica synced.
 */
class CatalogRefreshIntegrationTests extends CatalogIntegrationTest {

	@Autowired
	private PlanClassifier classifier;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private MeterRegistry meterRegistry;

	@Test
	void aSyncedVersionChangesTheAnswerWithoutRestart() {
		long refreshesOnEvent = refreshes("event");
		String id = "8a28feedfeedfeedfeedfeedfeed0001";
		CatalogFixtures.Version added = commitVersion((version) -> addPremiumGitlabComPlan(id, version));
		await().untilAsserted(() -> {
			assertThat(this.classifier.resolve("premium_plans").includes(id)).isTrue();
			assertThat(this.classifier.resolve("self_service_gitlab_com_plans").includes(id)).isTrue();
			assertThat(this.classifier.resolve("premium_plans").catalogVersion()).isEqualTo(added.version());
			assertThat(this.planCatalog.find(id)).hasValueSatisfying((plan) -> {
				assertThat(plan.name()).isEqualTo("GitLab.com Premium - 5 Year");
				assertThat(plan.listPrice()).isEqualByComparingTo("1740");
			});
		});
		assertThat(refreshes("event")).as("refreshed by the event").isGreaterThan(refreshesOnEvent);

		commitVersion((version) -> fixtures().removeRatePlan(id, version.version()));
		await().untilAsserted(() -> {
			assertThat(this.classifier.resolve("premium_plans").includes(id)).isFalse();
			assertThat(this.planCatalog.find(id)).hasValueSatisfying((plan) -> assertThat(plan.removed()).isTrue());
		});
	}

	@Test
	void aVersionAnotherReplicaSyncedIsPickedUpByThePeriodicCheck() {
		long refreshesOnPoll = refreshes("poll");
		String id = "8a28feedfeedfeedfeedfeedfeed0002";
		CatalogFixtures.Version added = this.transaction.execute((status) -> {
			CatalogFixtures.Version version = fixtures().newVersion();
			addPremiumGitlabComPlan(id, version);
			return version;
		});
		await().untilAsserted(() -> {
			assertThat(this.planCatalog.version()).isEqualTo(added.version());
			assertThat(this.classifier.resolve("all_gitlab_com_plans").includes(id)).isTrue();
		});
		assertThat(refreshes("poll")).isGreaterThan(refreshesOnPoll);

		this.transaction
			.executeWithoutResult((status) -> fixtures().removeRatePlan(id, fixtures().newVersion().version()));
		await().untilAsserted(() -> assertThat(this.classifier.resolve("all_gitlab_com_plans").includes(id)).isFalse());
	}

	private CatalogFixtures.Version commitVersion(java.util.function.Consumer<CatalogFixtures.Version> changes) {
		return this.transaction.execute((status) -> {
			CatalogFixtures.Version version = fixtures().newVersion();
			changes.accept(version);
			this.events.publishEvent(new CatalogSynced(version.version(), version.syncRunId()));
			return version;
		});
	}

	private void addPremiumGitlabComPlan(String id, CatalogFixtures.Version version) {
		long product = fixtures().product(id + "-product", "GitLab.com Premium (5 year)", "SKU-TEST-5Y",
				version.version());
		long ratePlan = fixtures().ratePlan(product, id, "GitLab.com Premium - 5 Year", Map.of("CDotAccessible__c",
				true, "CDotActions__c", List.of("initial_purchase", "renew"), "CDotPlanStatus__c", "active"),
				version.version());
		long charge = fixtures().charge(ratePlan, id + "-charge", "GitLab.com Premium - 5 Year", "Recurring", "PerUnit",
				"Seats", "Five_Years", BigDecimal.ONE, Map.of("CDotPlanType__c", "base_product", "ChargeTier__c",
						"Premium", "ChargeDeployment__c", "GitLab.com"),
				version.version());
		fixtures().tier(charge, "USD", 1, null, null, new BigDecimal("1740"), null);
	}

	private long refreshes(String trigger) {
		return this.meterRegistry.find("cdot.catalog.classification.refresh")
			.tag("trigger", trigger)
			.tag("outcome", "success")
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

}

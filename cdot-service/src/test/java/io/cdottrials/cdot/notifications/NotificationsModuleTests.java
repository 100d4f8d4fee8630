package io.cdottrials.cdot.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cdottrials.cdot.platform.DailyJobs;
import io.cdottrials.cdot.platform.ReplicaCatchUp;
import io.cdottrials.cdot.subscriptions.SubscriptionChanged;
import io.cdottrials.cdot.trials.TrialEnded;
import io.cdottrials.cdot.trials.TrialStarted;
import io.cdottrials.model.NamespaceEligibilityChanged;
import io.cdottrials.model.WebhookSignature;
import io.cdottrials.testsupport.WebhookReceiver;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The notifications module alone: each change event of the other modules, published in a
 * transaction, reaches GitLab's receiver as one signed
 * {@code namespace_eligibility_changed} webhook with the change's own id.
 */
@ApplicationModuleTest
@TestPropertySource(properties = "cdot.webhooks.gitlab.secret=" + WebhookReceiver.SECRET)
class NotificationsModuleTests {

	@Autowired
	private JsonMapper jsonMapper;

	@DynamicPropertySource
	static void receiver(DynamicPropertyRegistry registry) {
		registry.add("cdot.webhooks.gitlab.urls", WebhookReceiver::url);
	}

	@BeforeEach
	void receiverIsUp() {
		WebhookReceiver.up();
	}

	@Test
	void aStartedTrialIsToldToGitlab(Scenario scenario) {
		UUID eventId = UUID.randomUUID();

		scenario.publish(new TrialStarted(eventId, 41, "gitlab_duo_pro", Instant.now()))
			.andWaitForStateChange(() -> deliveriesOf(eventId), (deliveries) -> !deliveries.isEmpty())
			.andVerify((deliveries) -> assertThat(deliveries).singleElement().satisfies((delivery) -> {
				NamespaceEligibilityChanged event = this.jsonMapper.readValue(delivery.getBody(),
						NamespaceEligibilityChanged.class);
				assertThat(event.namespaceIds()).containsExactly(41L);
				assertThat(event.reason()).isEqualTo("trial_started");
				assertThat(delivery.getHeader(WebhookSignature.HEADER)).isNotBlank();
			}));
	}

	@Test
	void aChangedSubscriptionIsToldToGitlab(Scenario scenario) {
		UUID eventId = UUID.randomUUID();

		scenario.publish(new SubscriptionChanged(eventId, 42, Instant.now()))
			.andWaitForStateChange(() -> deliveriesOf(eventId), (deliveries) -> !deliveries.isEmpty())
			.andVerify((deliveries) -> assertThat(reasonOf(deliveries)).isEqualTo("subscription_changed"));
	}

	@Test
	void endedTrialsAreToldToGitlabInOneWebhook(Scenario scenario) {
		UUID eventId = UUID.randomUUID();

		scenario.publish(new TrialEnded(eventId, List.of(43L, 44L), Instant.now()))
			.andWaitForStateChange(() -> deliveriesOf(eventId), (deliveries) -> !deliveries.isEmpty())
			.andVerify((deliveries) -> assertThat(
					this.jsonMapper.readValue(deliveries.get(0).getBody(), NamespaceEligibilityChanged.class)
						.namespaceIds())
				.containsExactly(43L, 44L));
	}

	private String reasonOf(List<LoggedRequest> deliveries) {
		return this.jsonMapper.readValue(deliveries.get(0).getBody(), NamespaceEligibilityChanged.class).reason();
	}

	private static List<LoggedRequest> deliveriesOf(UUID eventId) {
		return WebhookReceiver.server()
			.findAll(
					postRequestedFor(urlEqualTo(WebhookReceiver.PATH)).withRequestBody(containing(eventId.toString())));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Platform {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

		@Bean
		ReplicaCatchUp replicaCatchUp() {
			return ReplicaCatchUp.none();
		}

		// the outbox purge's daily schedule; it never fires within a test
		@Bean
		DailyJobs dailyJobs() {
			return new DailyJobs(mock(LockingTaskExecutor.class));
		}

	}

}

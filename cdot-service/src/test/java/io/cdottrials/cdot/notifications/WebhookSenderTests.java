package io.cdottrials.cdot.notifications;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.cdottrials.cdot.platform.ReplicaCatchUp;
import io.cdottrials.model.NamespaceEligibilityChanged;
import io.cdottrials.testsupport.CdotIntegrationTest;
import io.cdottrials.testsupport.WebhookReceiver;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * With several receivers, one that is down neither loses its events nor makes the others
 * receive them again.
 */
class WebhookSenderTests extends CdotIntegrationTest {

	@Autowired
	private RestClient.Builder restClientBuilder;

	@Autowired
	private JsonMapper jsonMapper;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MeterRegistry registry;

	@AfterEach
	void resetStubs() {
		WebhookReceiver.up();
	}

	@Test
	void aRetrySkipsTheUrlsThatAlreadyHaveTheEvent() {
		String healthy = "/hooks/healthy-" + UUID.randomUUID();
		String flaky = "/hooks/flaky-" + UUID.randomUUID();
		WebhookReceiver.server().stubFor(post(urlEqualTo(healthy)).willReturn(aResponse().withStatus(204)));
		WebhookReceiver.server().stubFor(post(urlEqualTo(flaky)).willReturn(aResponse().withStatus(500)));
		String base = "http://localhost:" + WebhookReceiver.server().port();
		WebhookSender sender = new WebhookSender(
				new WebhookProperties(List.of(URI.create(base + healthy), URI.create(base + flaky)), "secret",
						Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(1),
						Duration.ofSeconds(10), Duration.ofSeconds(2)),
				this.restClientBuilder, this.jsonMapper, this.jdbc, this.registry, Clock.systemUTC(),
				ReplicaCatchUp.none());
		NamespaceEligibilityChanged event = NamespaceEligibilityChanged.of(UUID.randomUUID(), List.of(newNamespaceId()),
				"trial_started", Instant.now());

		assertThatExceptionOfType(WebhookSender.WebhookDeliveryFailed.class).isThrownBy(() -> sender.send(event))
			.withMessageContaining(flaky);
		WebhookReceiver.server().stubFor(post(urlEqualTo(flaky)).willReturn(aResponse().withStatus(200)));
		sender.send(event);

		WebhookReceiver.server().verify(1, postRequestedFor(urlEqualTo(healthy)));
		WebhookReceiver.server().verify(2, postRequestedFor(urlEqualTo(flaky)));
	}

}

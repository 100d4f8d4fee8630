package io.cdottrials.cdot.notifications;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.cdottrials.cdot.platform.ReplicaCatchUp;
import io.cdottrials.model.NamespaceEligibilityChanged;
import io.cdottrials.model.WebhookSignature;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Posts one event, signed, to every configured URL that has not acknowledged it yet. Any
 * URL failing fails the call, which leaves the event's publication incomplete for the
 * resubmitter; the URLs that did acknowledge are remembered and skipped next time.
 */
@Component
class WebhookSender {

	private static final Logger logger = LoggerFactory.getLogger(WebhookSender.class);

	private static final String DELIVERIES = "cdot.notifications.webhook.deliveries";

	private final WebhookProperties properties;

	private final RestClient http;

	private final JsonMapper jsonMapper;

	private final JdbcClient jdbc;

	private final MeterRegistry registry;

	private final Clock clock;

	private final ReplicaCatchUp replicaCatchUp;

	WebhookSender(WebhookProperties properties, RestClient.Builder builder, JsonMapper jsonMapper, JdbcClient jdbc,
			MeterRegistry registry, Clock clock, ReplicaCatchUp replicaCatchUp) {
		this.replicaCatchUp = replicaCatchUp;
		this.properties = properties;
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
		requestFactory.setReadTimeout(properties.readTimeout());
		this.http = builder.requestFactory(requestFactory).build();
		this.jsonMapper = jsonMapper;
		this.jdbc = jdbc;
		this.registry = registry;
		this.clock = clock;
		// registered at zero: a failure counter born at 1 shows no increase() to the
		// alert
		for (String outcome : new String[] { "delivered", "failed", "skipped" }) {
			registry.counter(DELIVERIES, "outcome", outcome);
		}
	}

	void send(NamespaceEligibilityChanged event) {
		List<URI> urls = this.properties.urls();
		if (urls.isEmpty()) {
			return;
		}
		// GitLab refetches as soon as it hears: from a replica that already has the
		// change
		if (!this.replicaCatchUp.await(this.properties.replicaWait())) {
			count("failed");
			throw new WebhookDeliveryFailed(event, List.of("every URL (the read replica lags)"));
		}
		byte[] body = this.jsonMapper.writeValueAsBytes(event);
		Set<String> delivered = new HashSet<>(this.jdbc.sql("select url from webhook_deliveries where event_id = ?")
			.param(event.eventId())
			.query(String.class)
			.list());
		List<String> failed = new ArrayList<>();
		for (URI url : urls) {
			if (delivered.contains(url.toString())) {
				count("skipped");
				continue;
			}
			try {
				this.http.post()
					.uri(url)
					.contentType(MediaType.APPLICATION_JSON)
					.header(WebhookSignature.HEADER,
							WebhookSignature.sign(this.properties.secret(), body, Instant.now(this.clock)))
					.body(body)
					.retrieve()
					.toBodilessEntity();
				this.jdbc.sql("insert into webhook_deliveries (event_id, url) values (?, ?) on conflict do nothing")
					.params(event.eventId(), url.toString())
					.update();
				count("delivered");
				// in the trace of the change that caused it (TraceContextConfiguration)
				logger.info("Webhook {} for event {} ({}) delivered to {}", event.event(), event.eventId(),
						event.reason(), url);
			}
			catch (RestClientException ex) {
				count("failed");
				failed.add(url + " (" + ex.getClass().getSimpleName() + ")");
				logger.warn("Webhook {} for event {} to {} failed: {}", event.event(), event.eventId(), url,
						ex.getMessage());
			}
		}
		if (!failed.isEmpty()) {
			throw new WebhookDeliveryFailed(event, failed);
		}
	}

	private void count(String outcome) {
		this.registry.counter(DELIVERIES, "outcome", outcome).increment();
	}

	/** A delivery that must be retried. */
	static final class WebhookDeliveryFailed extends RuntimeException {

		WebhookDeliveryFailed(NamespaceEligibilityChanged event, List<String> failedUrls) {
			super("Event " + event.eventId() + " not delivered to " + failedUrls);
		}

	}

}

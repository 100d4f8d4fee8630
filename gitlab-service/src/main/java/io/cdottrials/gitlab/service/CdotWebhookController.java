package io.cdottrials.gitlab.service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.cdottrials.gitlab.client.CdotProperties;
import io.cdottrials.gitlab.client.InvalidationSource;
import io.cdottrials.gitlab.client.TrialEligibilityClient;
import io.cdottrials.model.NamespaceEligibilityChanged;
import io.cdottrials.model.WebhookSignature;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.cdottrials.web.ApiException;
import io.cdottrials.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * CDot's {@code namespace_eligibility_changed} webhook. The body is trusted only after
 * its {@code X-CDot-Signature} checks out; a redelivered event is answered 200 without
 * doing anything again; when Redis cannot be reached the answer is 503 so CDot retries.
 */
@RestController
@Tag(name = "Hooks")
class CdotWebhookController {

	private static final Logger logger = LoggerFactory.getLogger(CdotWebhookController.class);

	private final TrialEligibilityClient client;

	private final ProcessedWebhookEvents events;

	private final CdotProperties cdot;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	private final Timer deliveryLag;

	CdotWebhookController(TrialEligibilityClient client, ProcessedWebhookEvents events, CdotProperties cdot,
			JsonMapper jsonMapper, MeterRegistry registry) {
		this.client = client;
		// Until an event arrives, the answers it invalidates are served as fresh: this is
		// how long that window was (the receiver cannot know of an event not delivered).
		this.deliveryLag = Timer.builder("gitlab.trial.eligibility.webhook.lag")
			.description("Time from a change committed in CDot to its invalidation arriving here")
			.register(registry);
		this.events = events;
		this.cdot = cdot;
		this.jsonMapper = jsonMapper;
		this.clock = Clock.systemUTC();
		if (cdot.webhookSecret().isEmpty()) {
			logger.warn("gitlab.cdot.webhook-secret is not set: every CDot webhook will be rejected");
		}
	}

	@PostMapping(path = "/hooks/cdot", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "CDot's signed namespace_eligibility_changed webhook",
			description = "202 when handled, 200 for a redelivered event, 401 for a missing, bad or expired signature.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = NamespaceEligibilityChanged.class))))
	ResponseEntity<Map<String, Object>> receive(
			@RequestHeader(name = WebhookSignature.HEADER, required = false) @Nullable String signature,
			@Parameter(hidden = true) HttpServletRequest request) {
		byte[] body = RequestBodies.read(request);
		verify(signature, body);
		NamespaceEligibilityChanged event = parse(body);
		if (this.events.seen(event.eventId())) {
			return ResponseEntity.ok(Map.of("success", true, "status", "duplicate"));
		}
		this.client.invalidate(event.namespaceIds(), InvalidationSource.WEBHOOK);
		this.events.remember(event.eventId());
		if (event.occurredAt() != null) {
			this.deliveryLag.record(Duration.between(event.occurredAt(), this.clock.instant()).abs());
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("success", true, "status", "accepted"));
	}

	private void verify(@Nullable String signature, byte[] body) {
		String secret = this.cdot.webhookSecret();
		WebhookSignature.Verdict verdict = secret.isEmpty() ? WebhookSignature.Verdict.BAD_SIGNATURE : WebhookSignature
			.verify(secret, signature, body, this.clock.instant(), WebhookSignature.DEFAULT_TOLERANCE);
		String error = switch (verdict) {
			case VALID -> null;
			case MISSING -> WebhookSignature.HEADER + " is missing";
			case MALFORMED -> WebhookSignature.HEADER + " is malformed";
			case BAD_SIGNATURE -> WebhookSignature.HEADER + " does not match the body";
			case EXPIRED -> WebhookSignature.HEADER + " timestamp is older than 5 minutes";
			case FROM_THE_FUTURE -> WebhookSignature.HEADER + " timestamp is in the future";
		};
		if (error != null) {
			throw new ApiException(HttpStatus.UNAUTHORIZED, List.of(error));
		}
	}

	private NamespaceEligibilityChanged parse(byte[] body) {
		NamespaceEligibilityChanged event;
		try {
			event = this.jsonMapper.readValue(body, NamespaceEligibilityChanged.class);
		}
		catch (JacksonException ex) {
			throw ApiException.badRequest("the body is not a namespace_eligibility_changed event");
		}
		if (event == null || !NamespaceEligibilityChanged.EVENT.equals(event.event())) {
			throw ApiException.badRequest("event must be " + NamespaceEligibilityChanged.EVENT);
		}
		if (event.eventId() == null) {
			throw ApiException.badRequest("event_id is required");
		}
		if (event.namespaceIds() == null || event.namespaceIds().isEmpty()
				|| event.namespaceIds().stream().anyMatch((id) -> id == null || id <= 0)) {
			throw ApiException.badRequest("namespace_ids must be a non-empty list of positive integers");
		}
		return event;
	}

}

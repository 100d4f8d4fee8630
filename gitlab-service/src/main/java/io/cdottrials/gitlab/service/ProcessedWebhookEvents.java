package io.cdottrials.gitlab.service;

import java.time.Duration;
import java.util.UUID;

import io.cdottrials.gitlab.client.TrialEligibilityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Remembers, in Redis and for a while, which CDot webhook events were handled, so that a
 * redelivery is recognised. Losing this memory is harmless: handling an event twice only
 * invalidates twice.
 */
@Component
class ProcessedWebhookEvents {

	private static final Logger logger = LoggerFactory.getLogger(ProcessedWebhookEvents.class);

	static final String KEY_PREFIX = "gitlab:cdot_webhook_events:";

	private final StringRedisTemplate redis;

	private final Duration memory;

	ProcessedWebhookEvents(StringRedisTemplate redis, TrialEligibilityProperties properties) {
		this.redis = redis;
		this.memory = properties.eventMemory();
	}

	boolean seen(UUID eventId) {
		try {
			return Boolean.TRUE.equals(this.redis.hasKey(KEY_PREFIX + eventId));
		}
		catch (RuntimeException ex) {
			logger.debug("Could not look up webhook event {}", eventId, ex);
			return false;
		}
	}

	void remember(UUID eventId) {
		try {
			this.redis.opsForValue().setIfAbsent(KEY_PREFIX + eventId, "1", this.memory);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not remember webhook event {}", eventId, ex);
		}
	}

}

package io.cdottrials.gitlab.service;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service's Redis connection comes back after an outage.
 *
 * @param maxDelay the longest wait between two reconnection attempts (Lettuce's default
 * grows to 30 s, so caching stayed off for up to that long after Redis was back)
 */
@ConfigurationProperties("gitlab.redis.reconnect")
record RedisReconnectProperties(@DefaultValue("1s") Duration maxDelay) {
}

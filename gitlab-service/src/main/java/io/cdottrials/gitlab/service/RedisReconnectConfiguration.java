package io.cdottrials.gitlab.service;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;

import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the service's Redis connection recover within about a second of Redis coming
 * back, and fail at once while it is gone: reconnection attempts back off exponentially
 * but never wait longer than {@code gitlab.redis.reconnect.max-delay}, and a command
 * issued while disconnected is rejected rather than queued until it times out (the caller
 * then asks CDot directly). Only the service's connection: an application using the
 * library keeps its own Redis settings.
 */
@Configuration(proxyBeanMethods = false)
class RedisReconnectConfiguration {

	@Bean
	ClientResourcesBuilderCustomizer promptRedisReconnect(RedisReconnectProperties properties) {
		return (resources) -> resources
			.reconnectDelay(Delay.exponential(Duration.ZERO, properties.maxDelay(), 2, TimeUnit.MILLISECONDS));
	}

	@Bean
	LettuceClientOptionsBuilderCustomizer rejectCommandsWhileRedisIsDisconnected() {
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

}

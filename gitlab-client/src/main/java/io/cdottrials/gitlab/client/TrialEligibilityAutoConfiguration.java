package io.cdottrials.gitlab.client;

import java.net.http.HttpClient;
import java.time.Clock;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Sets up the {@link TrialEligibilityClient} when {@code gitlab.cdot.base-url} is set, on
 * Boot's Redis connection ({@code spring.data.redis.*}).
 */
@AutoConfiguration(after = { DataRedisAutoConfiguration.class, RestClientAutoConfiguration.class })
@ConditionalOnClass({ RestClient.class, StringRedisTemplate.class, CircuitBreaker.class })
@ConditionalOnProperty(prefix = "gitlab.cdot", name = "base-url")
@EnableConfigurationProperties({ CdotProperties.class, TrialEligibilityProperties.class })
public final class TrialEligibilityAutoConfiguration {

	/** Name of the circuit breaker around CDot calls (a metric tag). */
	public static final String CDOT_BREAKER = "cdot";

	/** Name of the circuit breaker around Redis calls (a metric tag). */
	public static final String REDIS_BREAKER = "trial-eligibility-redis";

	@Bean
	@ConditionalOnMissingBean
	TrialEligibilityClient trialEligibilityClient(RedisConnectionFactory redisConnectionFactory,
			CdotProperties cdotProperties, TrialEligibilityProperties properties,
			ObjectProvider<RestClient.Builder> restClientBuilder, ObjectProvider<MeterRegistry> meterRegistry,
			ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<FillListener> fillListener,
			ObjectProvider<Clock> clock) {
		MeterRegistry registry = meterRegistry.getIfAvailable(SimpleMeterRegistry::new);
		JsonMapper mapper = jsonMapper.getIfAvailable(JsonMapper::new);
		CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
		CircuitBreaker cdotBreaker = breakers.circuitBreaker(CDOT_BREAKER,
				breakerConfig(properties.cdotBreaker()).ignoreExceptions(TrialApplicationRejectedException.class)
					.build());
		CircuitBreaker redisBreaker = breakers.circuitBreaker(REDIS_BREAKER,
				breakerConfig(properties.redisBreaker()).build());
		EligibilityMetrics metrics = new EligibilityMetrics(registry);
		StringRedisTemplate redis = new StringRedisTemplate(redisConnectionFactory);
		EligibilityCache cache = new EligibilityCache(redis, redisBreaker, mapper, properties);
		CdotApi cdot = new CdotApi(restClient(cdotProperties, restClientBuilder), cdotBreaker, metrics, mapper);
		Clock systemClock = clock.getIfAvailable(Clock::systemUTC);
		EligibilityFiller filler = new EligibilityFiller(cache, cdot, properties, metrics,
				fillListener.getIfAvailable(() -> (ids) -> {
				}), cdotProperties.connectTimeout().plus(cdotProperties.readTimeout()), systemClock);
		return new CachingTrialEligibilityClient(cache, cdot, filler, properties, metrics, systemClock);
	}

	private static CircuitBreakerConfig.Builder breakerConfig(TrialEligibilityProperties.Breaker breaker) {
		return CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.failureRateThreshold(breaker.failureRateThreshold())
			.slidingWindowSize(breaker.slidingWindowSize())
			.minimumNumberOfCalls(breaker.minimumNumberOfCalls())
			.waitDurationInOpenState(breaker.waitDurationInOpenState())
			.permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpenState())
			.automaticTransitionFromOpenToHalfOpenEnabled(true);
	}

	private static RestClient restClient(CdotProperties properties, ObjectProvider<RestClient.Builder> builder) {
		HttpClient httpClient = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
		requestFactory.setReadTimeout(properties.readTimeout());
		return builder.getIfAvailable(RestClient::builder)
			.baseUrl(properties.baseUrl().toString())
			.requestFactory(requestFactory)
			.defaultHeader("X-Admin-Email", properties.adminEmail())
			.defaultHeader("X-Admin-Token", properties.adminToken())
			.defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE)
			.build();
	}

}

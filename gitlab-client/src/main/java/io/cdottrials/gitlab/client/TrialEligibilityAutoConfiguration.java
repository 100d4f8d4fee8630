package io.cdottrials.gitlab.client;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
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
 * Boot's Redis connection ({@code spring.data.redis.*}). Each part is a bean of its own
 * that an application replaces by defining one: the CDot API ({@link CdotApi}), the two
 * circuit breakers and the Redis-down bulkhead (by bean name), the Redis side
 * ({@link EligibilityCache}), the single-flight fetcher ({@link EligibilityFiller}), the
 * meters ({@link EligibilityMetrics}) and the client itself.
 */
@AutoConfiguration(after = { DataRedisAutoConfiguration.class, RestClientAutoConfiguration.class })
@ConditionalOnClass({ RestClient.class, StringRedisTemplate.class, CircuitBreaker.class })
@ConditionalOnBean(RedisConnectionFactory.class)
@ConditionalOnProperty(prefix = "gitlab.cdot", name = "base-url")
@EnableConfigurationProperties({ CdotProperties.class, TrialEligibilityProperties.class })
public final class TrialEligibilityAutoConfiguration {

	/** Name of the circuit breaker around CDot calls (a metric tag). */
	public static final String CDOT_BREAKER = "cdot";

	/** Name of the circuit breaker around Redis calls (a metric tag). */
	public static final String REDIS_BREAKER = "trial-eligibility-redis";

	/** Name of the bulkhead bounding CDot calls while Redis is down (a metric tag). */
	public static final String REDIS_DOWN_BULKHEAD = "trial-eligibility-redis-down";

	/** Bean name of the circuit breaker around CDot calls. */
	public static final String CDOT_BREAKER_BEAN = "cdotCircuitBreaker";

	/** Bean name of the circuit breaker around Redis calls. */
	public static final String REDIS_BREAKER_BEAN = "trialEligibilityRedisCircuitBreaker";

	/** Bean name of the bulkhead bounding CDot calls while Redis is down. */
	public static final String REDIS_DOWN_BULKHEAD_BEAN = "trialEligibilityRedisDownBulkhead";

	@Bean
	@ConditionalOnMissingBean
	EligibilityMetrics eligibilityMetrics(ObjectProvider<MeterRegistry> meterRegistry) {
		return new EligibilityMetrics(meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
	}

	// not a default candidate: injected by name only, so that an application's own
	// CircuitBreaker injection points never see two more candidates
	@Bean(name = CDOT_BREAKER_BEAN, defaultCandidate = false)
	@ConditionalOnMissingBean(name = CDOT_BREAKER_BEAN)
	CircuitBreaker cdotCircuitBreaker(TrialEligibilityProperties properties,
			ObjectProvider<MeterRegistry> meterRegistry) {
		return circuitBreaker(CDOT_BREAKER,
				breakerConfig(properties.cdotBreaker()).ignoreExceptions(TrialApplicationRejectedException.class)
					.build(),
				meterRegistry);
	}

	@Bean(name = REDIS_BREAKER_BEAN, defaultCandidate = false)
	@ConditionalOnMissingBean(name = REDIS_BREAKER_BEAN)
	CircuitBreaker trialEligibilityRedisCircuitBreaker(TrialEligibilityProperties properties,
			ObjectProvider<MeterRegistry> meterRegistry) {
		return circuitBreaker(REDIS_BREAKER, breakerConfig(properties.redisBreaker()).build(), meterRegistry);
	}

	@Bean(name = REDIS_DOWN_BULKHEAD_BEAN, defaultCandidate = false)
	@ConditionalOnMissingBean(name = REDIS_DOWN_BULKHEAD_BEAN)
	Bulkhead trialEligibilityRedisDownBulkhead(TrialEligibilityProperties properties,
			ObjectProvider<MeterRegistry> meterRegistry) {
		// no waiting for a permit: a caller beyond the limit gets a degraded answer at
		// once
		BulkheadRegistry bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
			.maxConcurrentCalls(properties.redisDownConcurrency())
			.maxWaitDuration(Duration.ZERO)
			.build());
		TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads)
			.bindTo(meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
		return bulkheads.bulkhead(REDIS_DOWN_BULKHEAD);
	}

	@Bean
	@ConditionalOnMissingBean
	CdotApi cdotApi(CdotProperties cdotProperties, ObjectProvider<RestClient.Builder> restClientBuilder,
			@Qualifier(CDOT_BREAKER_BEAN) CircuitBreaker cdotBreaker, EligibilityMetrics metrics,
			ObjectProvider<JsonMapper> jsonMapper) {
		return new CdotApi(restClient(cdotProperties, restClientBuilder), cdotBreaker, metrics,
				jsonMapper.getIfAvailable(JsonMapper::new));
	}

	@Bean
	@ConditionalOnMissingBean
	EligibilityCache eligibilityCache(RedisConnectionFactory redisConnectionFactory,
			@Qualifier(REDIS_BREAKER_BEAN) CircuitBreaker redisBreaker, TrialEligibilityProperties properties) {
		return new EligibilityCache(redisConnectionFactory, redisBreaker, properties);
	}

	@Bean
	@ConditionalOnMissingBean
	EligibilityFiller eligibilityFiller(EligibilityCache cache, CdotApi cdot, CdotProperties cdotProperties,
			TrialEligibilityProperties properties, EligibilityMetrics metrics,
			ObjectProvider<FillListener> fillListener, ObjectProvider<Clock> clock) {
		return new EligibilityFiller(cache, cdot, properties, metrics, fillListener.getIfAvailable(() -> (ids) -> {
		}), cdotProperties.connectTimeout().plus(cdotProperties.readTimeout()), clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnMissingBean
	TrialEligibilityClient trialEligibilityClient(EligibilityCache cache, CdotApi cdot, EligibilityFiller filler,
			@Qualifier(REDIS_DOWN_BULKHEAD_BEAN) Bulkhead redisDownBulkhead, EligibilityMetrics metrics,
			ObjectProvider<Clock> clock) {
		return new CachingTrialEligibilityClient(cache, cdot, filler, redisDownBulkhead, metrics,
				clock.getIfAvailable(Clock::systemUTC));
	}

	private static CircuitBreaker circuitBreaker(String name, CircuitBreakerConfig config,
			ObjectProvider<MeterRegistry> meterRegistry) {
		CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(config);
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers)
			.bindTo(meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
		return breakers.circuitBreaker(name);
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

package io.cdottrials.gitlab.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;

import io.cdottrials.model.TrialApplication;
import io.cdottrials.model.TrialResponse;
import io.cdottrials.model.TrialType;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

class TrialEligibilityAutoConfigurationTests {

	private static final String CDOT_URL = "gitlab.cdot.base-url=http://cdot.example.com";

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(DataRedisAutoConfiguration.class, TrialEligibilityAutoConfiguration.class));

	@Test
	void providesTheClientWhenCdotsUrlIsSet() {
		this.runner
			.withPropertyValues("gitlab.cdot.base-url=http://cdot.example.com", "gitlab.trial-eligibility.ttl=2h")
			.run((context) -> {
				assertThat(context).hasSingleBean(TrialEligibilityClient.class);
				assertThat(context.getBean(TrialEligibilityClient.class))
					.isInstanceOf(CachingTrialEligibilityClient.class);
				assertThat(context.getBean(TrialEligibilityProperties.class).ttl()).hasHours(2);
				assertThat(context.getBean(TrialEligibilityProperties.class).staleIfError()).hasHours(24);
				assertThat(context.getBean(TrialEligibilityProperties.class).chunkSize()).isEqualTo(1000);
			});
	}

	@Test
	void backsOffToTheApplicationsOwnClient() {
		this.runner.withPropertyValues("gitlab.cdot.base-url=http://cdot.example.com")
			.withUserConfiguration(OwnClientConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(TrialEligibilityClient.class)
				.getBean(TrialEligibilityClient.class)
				.isSameAs(context.getBean(OwnClientConfiguration.class).client));
	}

	@Test
	void staysOffWithoutCdotsUrl() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(TrialEligibilityClient.class)
			.doesNotHaveBean(CdotProperties.class));
	}

	@Test
	void providesEachPartAsABeanOfItsOwn() {
		this.runner.withPropertyValues(CDOT_URL).run((context) -> {
			assertThat(context).hasSingleBean(CdotApi.class)
				.hasSingleBean(EligibilityCache.class)
				.hasSingleBean(EligibilityFiller.class)
				.hasSingleBean(EligibilityMetrics.class)
				.hasBean(TrialEligibilityAutoConfiguration.CDOT_BREAKER_BEAN)
				.hasBean(TrialEligibilityAutoConfiguration.REDIS_BREAKER_BEAN)
				.hasBean(TrialEligibilityAutoConfiguration.REDIS_DOWN_BULKHEAD_BEAN);
			assertThat(breaker(context, TrialEligibilityAutoConfiguration.CDOT_BREAKER_BEAN).getName())
				.isEqualTo(TrialEligibilityAutoConfiguration.CDOT_BREAKER);
			assertThat(breaker(context, TrialEligibilityAutoConfiguration.REDIS_BREAKER_BEAN).getName())
				.isEqualTo(TrialEligibilityAutoConfiguration.REDIS_BREAKER);
		});
	}

	@Test
	void theBreakersDoNotCompeteForTheApplicationsOwnCircuitBreakerInjectionPoints() {
		this.runner.withPropertyValues(CDOT_URL)
			.withBean("ownBreaker", CircuitBreaker.class, () -> CircuitBreaker.ofDefaults("own"))
			.withBean(OwnBreakerUser.class)
			.run((context) -> assertThat(context.getBean(OwnBreakerUser.class).breaker.getName()).isEqualTo("own"));
	}

	@Test
	void backsOffToTheApplicationsOwnCdotApi() {
		CdotApi own = new CdotApi(RestClient.create("http://own.example.com"), CircuitBreaker.ofDefaults("own"),
				new EligibilityMetrics(new SimpleMeterRegistry()), new JsonMapper());
		this.runner.withPropertyValues(CDOT_URL)
			.withBean(CdotApi.class, () -> own)
			.run((context) -> assertThat(context).hasSingleBean(TrialEligibilityClient.class)
				.getBean(CdotApi.class)
				.isSameAs(own));
	}

	@Test
	void backsOffToTheApplicationsOwnCdotCircuitBreaker() {
		CircuitBreaker own = CircuitBreaker.ofDefaults("own-cdot");
		this.runner.withPropertyValues(CDOT_URL)
			.withBean(TrialEligibilityAutoConfiguration.CDOT_BREAKER_BEAN, CircuitBreaker.class, () -> own)
			.run((context) -> {
				assertThat(context).hasSingleBean(TrialEligibilityClient.class);
				assertThat(breaker(context, TrialEligibilityAutoConfiguration.CDOT_BREAKER_BEAN)).isSameAs(own);
				assertThat(breaker(context, TrialEligibilityAutoConfiguration.REDIS_BREAKER_BEAN).getName())
					.isEqualTo(TrialEligibilityAutoConfiguration.REDIS_BREAKER);
			});
	}

	@Test
	void backsOffToTheApplicationsOwnRedisCircuitBreaker() {
		CircuitBreaker own = CircuitBreaker.ofDefaults("own-redis");
		this.runner.withPropertyValues(CDOT_URL)
			.withBean(TrialEligibilityAutoConfiguration.REDIS_BREAKER_BEAN, CircuitBreaker.class, () -> own)
			.run((context) -> {
				assertThat(context).hasSingleBean(TrialEligibilityClient.class);
				assertThat(breaker(context, TrialEligibilityAutoConfiguration.REDIS_BREAKER_BEAN)).isSameAs(own);
				assertThat(breaker(context, TrialEligibilityAutoConfiguration.CDOT_BREAKER_BEAN).getName())
					.isEqualTo(TrialEligibilityAutoConfiguration.CDOT_BREAKER);
			});
	}

	@Test
	void boundsCdotCallsWithoutRedisByTheConfiguredConcurrency() {
		this.runner.withPropertyValues(CDOT_URL, "gitlab.trial-eligibility.redis-down-concurrency=3")
			.run((context) -> assertThat(bulkhead(context).getBulkheadConfig().getMaxConcurrentCalls()).isEqualTo(3));
	}

	@Test
	void backsOffToTheApplicationsOwnRedisDownBulkhead() {
		Bulkhead own = Bulkhead.ofDefaults("own-redis-down");
		this.runner.withPropertyValues(CDOT_URL)
			.withBean(TrialEligibilityAutoConfiguration.REDIS_DOWN_BULKHEAD_BEAN, Bulkhead.class, () -> own)
			.run((context) -> {
				assertThat(context).hasSingleBean(TrialEligibilityClient.class);
				assertThat(bulkhead(context)).isSameAs(own);
			});
	}

	@Test
	void backsOffToTheApplicationsOwnCache() {
		this.runner.withPropertyValues(CDOT_URL)
			.withUserConfiguration(OwnCacheConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(TrialEligibilityClient.class)
				.getBean(EligibilityCache.class)
				.isSameAs(context.getBean("ownCache")));
	}

	@Test
	void backsOffToTheApplicationsOwnFiller() {
		this.runner.withPropertyValues(CDOT_URL)
			.withUserConfiguration(OwnFillerConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(TrialEligibilityClient.class)
				.getBean(EligibilityFiller.class)
				.isSameAs(context.getBean("ownFiller")));
	}

	@Test
	void backsOffToTheApplicationsOwnMetrics() {
		EligibilityMetrics own = new EligibilityMetrics(new SimpleMeterRegistry());
		this.runner.withPropertyValues(CDOT_URL)
			.withBean(EligibilityMetrics.class, () -> own)
			.run((context) -> assertThat(context).hasSingleBean(TrialEligibilityClient.class)
				.getBean(EligibilityMetrics.class)
				.isSameAs(own));
	}

	@Test
	void staysOffWithoutARedisConnectionFactory() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TrialEligibilityAutoConfiguration.class))
			.withPropertyValues(CDOT_URL)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(TrialEligibilityClient.class)
				.doesNotHaveBean(CdotApi.class)
				.doesNotHaveBean(EligibilityCache.class)
				.doesNotHaveBean(CdotProperties.class));
	}

	@Test
	void usesTheApplicationsOwnRedisConnectionFactory() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TrialEligibilityAutoConfiguration.class))
			.withPropertyValues(CDOT_URL)
			.withBean(RedisConnectionFactory.class, () -> new LettuceConnectionFactory("localhost", 6379))
			.run((context) -> assertThat(context).hasSingleBean(TrialEligibilityClient.class));
	}

	private static CircuitBreaker breaker(ApplicationContext context, String name) {
		return context.getBean(name, CircuitBreaker.class);
	}

	private static Bulkhead bulkhead(ApplicationContext context) {
		return context.getBean(TrialEligibilityAutoConfiguration.REDIS_DOWN_BULKHEAD_BEAN, Bulkhead.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnClientConfiguration {

		final TrialEligibilityClient client = new TrialEligibilityClient() {

			@Override
			public EligibilityAnswer eligibility(Collection<Long> namespaceIds) {
				throw new UnsupportedOperationException();
			}

			@Override
			public Set<Long> eligibleNamespaces(Collection<Long> namespaceIds, TrialType type) {
				throw new UnsupportedOperationException();
			}

			@Override
			public TrialResponse applyTrial(long namespaceId, TrialApplication application) {
				throw new UnsupportedOperationException();
			}

			@Override
			public void invalidate(Collection<Long> namespaceIds, InvalidationSource source) {
				throw new UnsupportedOperationException();
			}

		};

		@Bean
		TrialEligibilityClient ownClient() {
			return this.client;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnCacheConfiguration {

		@Bean
		EligibilityCache ownCache(RedisConnectionFactory redis, TrialEligibilityProperties properties) {
			return new EligibilityCache(redis, CircuitBreaker.ofDefaults("own"), properties);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnFillerConfiguration {

		@Bean
		EligibilityFiller ownFiller(EligibilityCache cache, CdotApi cdot, TrialEligibilityProperties properties,
				EligibilityMetrics metrics) {
			return new EligibilityFiller(cache, cdot, properties, metrics, (ids) -> {
			}, Duration.ofSeconds(1), Clock.systemUTC());
		}

	}

	/**
	 * An application bean that injects the application's one {@link CircuitBreaker} by
	 * type.
	 */
	static class OwnBreakerUser {

		final CircuitBreaker breaker;

		OwnBreakerUser(CircuitBreaker breaker) {
			this.breaker = breaker;
		}

	}

}

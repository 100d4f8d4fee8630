package io.cdottrials.gitlab.client;

import java.util.Collection;
import java.util.Set;

import io.cdottrials.model.TrialApplication;
import io.cdottrials.model.TrialResponse;
import io.cdottrials.model.TrialType;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class TrialEligibilityAutoConfigurationTests {

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

}

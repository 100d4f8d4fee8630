package io.cdottrials.cdot.platform;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Infrastructure every module shares: the feature flags (Togglz, on the {@code togglz}
 * table) and the clock. The cluster lock is {@link SchedulerLockConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	@Bean
	FeatureFlags featureFlags(DataSource dataSource) {
		return FeatureFlags.jdbc(dataSource);
	}

	/** Replaced by {@link ReadReplicaConfiguration}'s when a replica is configured. */
	@Bean
	ReplicaCatchUp noReplicaCatchUp() {
		return ReplicaCatchUp.none();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}

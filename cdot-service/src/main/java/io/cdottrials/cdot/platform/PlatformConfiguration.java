package io.cdottrials.cdot.platform;

import java.time.Clock;

import javax.sql.DataSource;

import org.togglz.core.manager.FeatureManager;
import org.togglz.core.manager.FeatureManagerBuilder;
import org.togglz.core.repository.jdbc.JDBCStateRepository;
import org.togglz.core.user.NoOpUserProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Infrastructure every module shares: one Togglz feature manager (on the {@code togglz}
 * table) and the clock. The cluster lock is {@link SchedulerLockConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	@Bean
	FeatureManager featureManager(DataSource dataSource, ModuleFeatureProvider moduleFeatureProvider) {
		return new FeatureManagerBuilder().name("cdot")
			.featureProvider(moduleFeatureProvider)
			// Transaction-aware: a flag read inside a transaction uses its connection
			// rather
			// than a second one from the pool.
			.stateRepository(JDBCStateRepository.newBuilder(new TransactionAwareDataSourceProxy(dataSource))
				.tableName("togglz")
				.createTable(false)
				.noCommit(true)
				.build())
			.userProvider(new NoOpUserProvider())
			.build();
	}

	@Bean
	ModuleFeatureProvider moduleFeatureProvider() {
		return new ModuleFeatureProvider();
	}

	@Bean
	FeatureFlags featureFlags(FeatureManager featureManager, ModuleFeatureProvider moduleFeatureProvider) {
		return new FeatureFlags(featureManager, moduleFeatureProvider);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}

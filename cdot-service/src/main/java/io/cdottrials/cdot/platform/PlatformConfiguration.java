package io.cdottrials.cdot.platform;

import java.time.Clock;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.togglz.core.manager.FeatureManager;
import org.togglz.core.manager.FeatureManagerBuilder;
import org.togglz.core.repository.jdbc.JDBCStateRepository;
import org.togglz.core.user.NoOpUserProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Infrastructure every module shares: one cluster lock for scheduled jobs (ShedLock on
 * the {@code shedlock} table), one Togglz feature manager (on the {@code togglz} table)
 * and the clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class PlatformConfiguration {

	@Bean
	LockProvider lockProvider(JdbcTemplate jdbcTemplate) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(jdbcTemplate)
			.withTableName("shedlock")
			.usingDbTime()
			.build());
	}

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

package io.cdottrials.cdot.platform;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * With {@code cdot.datasource.replica.url} set, the application's one {@link DataSource}
 * sends read-only transactions to the replica and everything else (writes, the re-check
 * inside a trial application, ShedLock, Flyway, the outbox) to the primary. Spring's
 * {@link LazyConnectionDataSourceProxy} picks the pool when a transaction's first
 * statement runs, when it knows the transaction is read-only. The answers of a read-only
 * transaction lag the primary by the replica's replay lag (docs/scaling.md).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("cdot.datasource.replica.url")
class ReadReplicaConfiguration {

	// Both pools take spring.datasource.hikari (the fast failure settings); neither is a
	// candidate for injection: every caller gets the routing data source.
	@Bean(defaultCandidate = false)
	HikariDataSource primaryPool(DataSourceProperties primary, Environment environment) {
		return pool("primary", primary.initializeDataSourceBuilder().type(HikariDataSource.class).build(), environment);
	}

	@Bean(defaultCandidate = false)
	HikariDataSource replicaPool(DataSourceProperties primary, ReplicaDataSourceProperties replica,
			Environment environment) {
		HikariDataSource pool = pool("replica",
				primary.initializeDataSourceBuilder()
					.type(HikariDataSource.class)
					.url(replica.url())
					.username((replica.username() != null) ? replica.username() : primary.determineUsername())
					.password((replica.password() != null) ? replica.password() : primary.determinePassword())
					.build(),
				environment);
		pool.setReadOnly(true);
		return pool;
	}

	@Bean
	@Primary
	ReplicaCatchUp walReplayCatchUp(@Qualifier("primaryPool") DataSource primaryPool,
			@Qualifier("replicaPool") DataSource replicaPool) {
		return new WalReplayCatchUp(primaryPool, replicaPool);
	}

	@Bean
	@Primary
	LazyConnectionDataSourceProxy dataSource(@Qualifier("primaryPool") DataSource primaryPool,
			@Qualifier("replicaPool") DataSource replicaPool) {
		LazyConnectionDataSourceProxy routing = new LazyConnectionDataSourceProxy(primaryPool);
		routing.setReadOnlyDataSource(replicaPool);
		return routing;
	}

	private static HikariDataSource pool(String name, HikariDataSource pool, Environment environment) {
		Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
		pool.setPoolName(name);
		return pool;
	}

}

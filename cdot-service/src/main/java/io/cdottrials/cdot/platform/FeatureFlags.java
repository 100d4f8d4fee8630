package io.cdottrials.cdot.platform;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.togglz.core.manager.FeatureManager;
import org.togglz.core.manager.FeatureManagerBuilder;
import org.togglz.core.repository.FeatureState;
import org.togglz.core.repository.StateRepository;
import org.togglz.core.repository.cache.CachingStateRepository;
import org.togglz.core.repository.jdbc.JDBCStateRepository;
import org.togglz.core.user.NoOpUserProvider;
import org.togglz.core.util.NamedFeature;

import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Runtime feature flags shared by every module, stored by Togglz in the {@code togglz}
 * table so that all replicas see a switch. A module names its flags and their defaults
 * where it reads them; no central enum has to know them.
 */
public class FeatureFlags {

	private final StateRepository repository;

	private final ModuleFeatureProvider features;

	private final FeatureManager featureManager;

	private FeatureFlags(StateRepository repository, ModuleFeatureProvider features) {
		this.repository = repository;
		this.features = features;
		this.featureManager = new FeatureManagerBuilder().name("cdot")
			.featureProvider(features)
			.stateRepository(repository)
			.userProvider(new NoOpUserProvider())
			.build();
	}

	/**
	 * Flags kept in the {@code togglz} table of a database.
	 * @param dataSource the database
	 * @return flags read from the table on every call; while the table cannot be read,
	 * each flag answers the state it was last read with
	 */
	public static FeatureFlags jdbc(DataSource dataSource) {
		// Transaction-aware: a flag read inside a transaction uses its connection rather
		// than a second one from the pool.
		return new FeatureFlags(new LastKnownStateRepository(
				JDBCStateRepository.newBuilder(new TransactionAwareDataSourceProxy(dataSource))
					.tableName("togglz")
					.createTable(false)
					.noCommit(true)
					.build()),
				new ModuleFeatureProvider());
	}

	/**
	 * The same flags for hot paths: a state is served from memory and read from the table
	 * again at most once per {@code ttl}, by the first read after it expired. A switch
	 * made through the view is seen at once on this replica, one made elsewhere within
	 * {@code ttl}.
	 * <p>
	 * Togglz can also reload in the background, but then a state it does not hold (the
	 * first read, and every read right after a switch) answers the flag's default until
	 * the reload lands: a switch would seem to fail.
	 * @param ttl how long a state is served before it is read again
	 * @return a cached view writing through to the same table
	 */
	public FeatureFlags cached(Duration ttl) {
		return new FeatureFlags(new CachingStateRepository(this.repository, ttl.toMillis(), TimeUnit.MILLISECONDS),
				this.features);
	}

	/**
	 * Whether a flag is on.
	 * @param name the flag's name, e.g. {@code ultimate_trial_with_dap}
	 * @param defaultValue its state while nobody has switched it
	 * @return the flag's current state
	 */
	public boolean isActive(String name, boolean defaultValue) {
		return this.featureManager.isActive(this.features.declare(name, defaultValue));
	}

	/**
	 * Switches a flag for every replica.
	 * @param name the flag's name
	 * @param enabled the new state
	 */
	public void set(String name, boolean enabled) {
		this.featureManager.setFeatureState(new FeatureState(new NamedFeature(name), enabled));
	}

}

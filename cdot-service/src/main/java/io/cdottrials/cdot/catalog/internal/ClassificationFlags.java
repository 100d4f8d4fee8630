package io.cdottrials.cdot.catalog.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import io.cdottrials.cdot.catalog.ClassificationSource;
import jakarta.annotation.PreDestroy;
import org.togglz.core.Feature;
import org.togglz.core.manager.FeatureManager;
import org.togglz.core.manager.FeatureManagerBuilder;
import org.togglz.core.metadata.FeatureGroup;
import org.togglz.core.metadata.FeatureMetaData;
import org.togglz.core.repository.FeatureState;
import org.togglz.core.repository.cache.CachingStateRepository;
import org.togglz.core.repository.jdbc.JDBCStateRepository;
import org.togglz.core.spi.FeatureProvider;
import org.togglz.core.user.NoOpUserProvider;
import org.togglz.core.util.NamedFeature;

import org.springframework.stereotype.Component;

/**
 * One runtime flag per classification choosing which source answers it, kept by Togglz in
 * the {@code togglz} table so that every replica reads the same value. A flag is a Togglz
 * feature named {@code catalog.classification.<name>.metadata}: enabled means the custom
 * fields answer, disabled the legacy constants. A classification whose flag was never set
 * answers from {@code cdot.catalog.default-classification-source}. Togglz caches a state
 * for {@code cdot.catalog.flag-cache-ttl} and reloads an expired one in the background; a
 * flip made on this replica is seen at once, one made on another replica within about
 * that time.
 */
@Component
public class ClassificationFlags {

	private final Map<String, Feature> features = new LinkedHashMap<>();

	private final FeatureManager featureManager;

	private final ExecutorService reloads = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "classification-flag-reload");
		thread.setDaemon(true);
		return thread;
	});

	public ClassificationFlags(DataSource dataSource, CatalogReadProperties properties) {
		for (String name : ClassificationDefinitions.names()) {
			this.features.put(name, new NamedFeature("catalog.classification." + name + ".metadata"));
		}
		JDBCStateRepository database = JDBCStateRepository.newBuilder(dataSource)
			.tableName("togglz")
			.createTable(false)
			.build();
		boolean metadataByDefault = properties.defaultClassificationSource() == ClassificationSource.METADATA;
		this.featureManager = new FeatureManagerBuilder().name("cdot-catalog-classifications")
			.featureProvider(new ClassificationFeatures(Set.copyOf(this.features.values()), metadataByDefault))
			.stateRepository(
					new CachingStateRepository(database, properties.flagCacheTtl().toMillis(), TimeUnit.MILLISECONDS))
			.userProvider(new NoOpUserProvider())
			.build();
	}

	/**
	 * The source a classification answers from now.
	 * @param name a known classification name
	 * @return legacy or metadata
	 */
	public ClassificationSource sourceOf(String name) {
		return this.featureManager.isActive(feature(name)) ? ClassificationSource.METADATA
				: ClassificationSource.LEGACY;
	}

	/**
	 * Sets the source of a classification, for every replica.
	 * @param name a known classification name
	 * @param source legacy or metadata
	 */
	public void choose(String name, ClassificationSource source) {
		this.featureManager.setFeatureState(new FeatureState(feature(name), source == ClassificationSource.METADATA));
	}

	private Feature feature(String name) {
		Feature feature = this.features.get(name);
		if (feature == null) {
			throw new IllegalArgumentException("Unknown classification '" + name + "'");
		}
		return feature;
	}

	private record ClassificationFeatures(Set<Feature> features, boolean enabledByDefault) implements FeatureProvider {

		@Override
		public Set<Feature> getFeatures() {
			return this.features;
		}

		@Override
		public FeatureMetaData getMetaData(Feature feature) {
			return new ClassificationFeatureMetaData(feature, this.enabledByDefault);
		}

	}

	private record ClassificationFeatureMetaData(Feature feature, boolean enabledByDefault) implements FeatureMetaData {

		@Override
		public String getLabel() {
			return "Classification answered from Zuora custom fields: " + this.feature.name();
		}

		@Override
		public FeatureState getDefaultFeatureState() {
			return new FeatureState(this.feature, this.enabledByDefault);
		}

		@Override
		public Set<FeatureGroup> getGroups() {
			return Set.of();
		}

		@Override
		public Map<String, String> getAttributes() {
			return Map.of();
		}

	}

}

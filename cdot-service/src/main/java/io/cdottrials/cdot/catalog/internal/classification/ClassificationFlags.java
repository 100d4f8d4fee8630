package io.cdottrials.cdot.catalog.internal.classification;

import java.util.LinkedHashMap;
import java.util.Map;

import io.cdottrials.cdot.catalog.ClassificationSource;
import io.cdottrials.cdot.catalog.internal.snapshot.CatalogReadProperties;
import io.cdottrials.cdot.platform.FeatureFlags;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * One runtime flag per classification choosing which source answers it, a platform
 * {@link FeatureFlags} flag named {@code catalog.classification.<name>.metadata}: enabled
 * means the custom fields answer, disabled the legacy constants. A classification whose
 * flag was never set answers from {@code cdot.catalog.default-classification-source}.
 * Lookups sit on the hot path, so the flags are read through the cached view: every flag
 * is read once when the bean starts, then served from memory and read again at most once
 * per {@code cdot.catalog.flag-cache-ttl}. A flip made on this replica is seen at once,
 * one made on another replica within that time.
 */
@Component
@DependsOnDatabaseInitialization
public class ClassificationFlags {

	private final Map<String, String> flagNames = new LinkedHashMap<>();

	private final FeatureFlags flags;

	private final boolean metadataByDefault;

	public ClassificationFlags(FeatureFlags featureFlags, CatalogReadProperties properties) {
		for (String name : ClassificationDefinitions.names()) {
			this.flagNames.put(name, "catalog.classification." + name + ".metadata");
		}
		this.flags = featureFlags.cached(properties.flagCacheTtl());
		this.metadataByDefault = properties.defaultClassificationSource() == ClassificationSource.METADATA;
		// read every flag now, so that no lookup waits for the database
		this.flagNames.keySet().forEach(this::sourceOf);
	}

	/**
	 * The source a classification answers from now.
	 * @param name a known classification name
	 * @return legacy or metadata
	 */
	public ClassificationSource sourceOf(String name) {
		return this.flags.isActive(flagName(name), this.metadataByDefault) ? ClassificationSource.METADATA
				: ClassificationSource.LEGACY;
	}

	/**
	 * Sets the source of a classification, for every replica.
	 * @param name a known classification name
	 * @param source legacy or metadata
	 */
	public void choose(String name, ClassificationSource source) {
		this.flags.set(flagName(name), source == ClassificationSource.METADATA);
	}

	private String flagName(String name) {
		String flagName = this.flagNames.get(name);
		if (flagName == null) {
			throw new IllegalArgumentException("Unknown classification '" + name + "'");
		}
		return flagName;
	}

}

package io.cdottrials.cdot.platform;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.togglz.core.Feature;
import org.togglz.core.metadata.FeatureGroup;
import org.togglz.core.metadata.FeatureMetaData;
import org.togglz.core.repository.FeatureState;
import org.togglz.core.spi.FeatureProvider;
import org.togglz.core.util.NamedFeature;

/**
 * Knows the flags the modules have asked about, with their defaults, so that flags of
 * several modules live in one Togglz {@code FeatureManager}.
 */
class ModuleFeatureProvider implements FeatureProvider {

	private final Map<String, Boolean> defaults = new ConcurrentHashMap<>();

	Feature declare(String name, boolean defaultValue) {
		this.defaults.put(name, defaultValue);
		return new NamedFeature(name);
	}

	@Override
	public Set<Feature> getFeatures() {
		return Set.copyOf(this.defaults.keySet().stream().map(NamedFeature::new).toList());
	}

	@Override
	public FeatureMetaData getMetaData(Feature feature) {
		boolean defaultValue = this.defaults.getOrDefault(feature.name(), false);
		return new FeatureMetaData() {

			@Override
			public String getLabel() {
				return feature.name();
			}

			@Override
			public FeatureState getDefaultFeatureState() {
				return new FeatureState(feature, defaultValue);
			}

			@Override
			public Set<FeatureGroup> getGroups() {
				return Set.of();
			}

			@Override
			public Map<String, String> getAttributes() {
				return Map.of();
			}

		};
	}

}

package io.cdottrials.cdot.platform;

import org.togglz.core.manager.FeatureManager;
import org.togglz.core.repository.FeatureState;
import org.togglz.core.util.NamedFeature;

/**
 * Runtime feature flags shared by every module, stored by Togglz in the {@code togglz}
 * table so that all replicas see a switch at once. A module names its flags and their
 * defaults where it reads them; no central enum has to know them.
 */
public class FeatureFlags {

	private final FeatureManager featureManager;

	private final ModuleFeatureProvider features;

	FeatureFlags(FeatureManager featureManager, ModuleFeatureProvider features) {
		this.featureManager = featureManager;
		this.features = features;
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

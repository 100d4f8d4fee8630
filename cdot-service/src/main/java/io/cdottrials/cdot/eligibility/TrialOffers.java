package io.cdottrials.cdot.eligibility;

import io.cdottrials.cdot.platform.FeatureFlags;

import org.springframework.stereotype.Component;

/**
 * The flags that decide which trial types are offered now.
 */
@Component
public class TrialOffers {

	/** Switches the ultimate trial types from Duo Enterprise to DAP. */
	public static final String ULTIMATE_TRIAL_WITH_DAP = "ultimate_trial_with_dap";

	private final FeatureFlags flags;

	private final EligibilityProperties properties;

	TrialOffers(FeatureFlags flags, EligibilityProperties properties) {
		this.flags = flags;
		this.properties = properties;
	}

	public boolean ultimateTrialWithDap() {
		return this.flags.isActive(ULTIMATE_TRIAL_WITH_DAP, this.properties.ultimateTrialWithDap());
	}

	public void setUltimateTrialWithDap(boolean enabled) {
		this.flags.set(ULTIMATE_TRIAL_WITH_DAP, enabled);
	}

}

package io.cdottrials.cdot.eligibility;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Eligibility settings.
 *
 * @param ultimateTrialWithDap default of the {@code ultimate_trial_with_dap} flag, used
 * until an operator switches it at runtime
 * @param apdexThreshold an eligibility answer faster than this counts as satisfactory for
 * the apdex SLI
 */
@ConfigurationProperties("cdot.trials")
public record EligibilityProperties(@DefaultValue("true") boolean ultimateTrialWithDap,
		@DefaultValue("250ms") Duration apdexThreshold) {
}

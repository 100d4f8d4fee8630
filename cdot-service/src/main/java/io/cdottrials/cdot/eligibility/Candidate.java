package io.cdottrials.cdot.eligibility;

import java.time.LocalDate;
import java.util.List;

import io.cdottrials.cdot.subscriptions.NamespaceState;

/**
 * Everything a rule may look at for one namespace: what its subscription gives it, its
 * trials, the day and the flags.
 *
 * @param subscription paid tier and active add-ons
 * @param trials every trial it had or has
 * @param today the day eligibility is evaluated for
 * @param ultimateTrialWithDap state of the {@code ultimate_trial_with_dap} flag
 */
public record Candidate(NamespaceState subscription, List<PastTrial> trials, LocalDate today,
		boolean ultimateTrialWithDap) {

	public long namespaceId() {
		return this.subscription.namespaceId();
	}

}

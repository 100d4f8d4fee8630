package io.cdottrials.cdot.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.cdottrials.cdot.catalog.PlanType;
import io.cdottrials.cdot.catalog.Tier;
import io.cdottrials.cdot.subscriptions.NamespaceState;
import io.cdottrials.model.TrialFamily;

/**
 * Everything a rule may look at for one namespace, in a compact form: its paid tier, its
 * active add-ons, and the trial families it ever had and has now as bits. Rules answer
 * from the bits without allocating; the trial list stays for the sentences that explain a
 * verdict.
 */
public final class Candidate {

	private final long namespaceId;

	private final Tier paidTier;

	private final Set<PlanType> activeAddOns;

	private final List<PastTrial> trials;

	private final LocalDate today;

	private final boolean ultimateTrialWithDap;

	/** Bit {@code 1 << family.ordinal()} for every family the namespace ever trialled. */
	private final int trialledFamilies;

	/** The same for the families it is on a trial of today. */
	private final int activeTrialFamilies;

	/**
	 * Builds the compact form of one namespace's state.
	 * @param subscription paid tier and active add-ons
	 * @param trials every trial it had or has
	 * @param today the day eligibility is evaluated for
	 * @param ultimateTrialWithDap state of the {@code ultimate_trial_with_dap} flag
	 */
	public Candidate(NamespaceState subscription, List<PastTrial> trials, LocalDate today,
			boolean ultimateTrialWithDap) {
		this.namespaceId = subscription.namespaceId();
		this.paidTier = subscription.paidTier();
		this.activeAddOns = subscription.activeAddOns();
		this.trials = trials;
		this.today = today;
		this.ultimateTrialWithDap = ultimateTrialWithDap;
		int trialled = 0;
		int active = 0;
		for (int i = 0; i < trials.size(); i++) {
			PastTrial trial = trials.get(i);
			int bit = bit(trial.trialType().family());
			trialled |= bit;
			if (trial.activeOn(today)) {
				active |= bit;
			}
		}
		this.trialledFamilies = trialled;
		this.activeTrialFamilies = active;
	}

	public long namespaceId() {
		return this.namespaceId;
	}

	/**
	 * The effective tier of the namespace's active GitLab.com base plan.
	 * @return the tier, {@link Tier#FREE} without one
	 */
	public Tier paidTier() {
		return this.paidTier;
	}

	public boolean hasActiveAddOn(PlanType type) {
		return this.activeAddOns.contains(type);
	}

	/**
	 * Whether the namespace ever had a trial of a family, ended or not.
	 * @param family the family
	 * @return {@code true} after its first trial of the family started
	 */
	public boolean hadTrialOf(TrialFamily family) {
		return (this.trialledFamilies & bit(family)) != 0;
	}

	/**
	 * Whether the namespace is on a trial of a family today.
	 * @param family the family
	 * @return {@code true} while such a trial runs
	 */
	public boolean onTrialOf(TrialFamily family) {
		return (this.activeTrialFamilies & bit(family)) != 0;
	}

	/**
	 * The first trial of a family, for explanations.
	 * @param family the family
	 * @param activeOnly whether only a trial running today counts
	 * @return the trial, empty when there is none
	 */
	public Optional<PastTrial> firstTrialOf(TrialFamily family, boolean activeOnly) {
		for (PastTrial trial : this.trials) {
			if (trial.trialType().family() == family && (!activeOnly || trial.activeOn(this.today))) {
				return Optional.of(trial);
			}
		}
		return Optional.empty();
	}

	/**
	 * Every trial the namespace had or has.
	 * @return the trials, in the order the history gave them
	 */
	public List<PastTrial> trials() {
		return this.trials;
	}

	public LocalDate today() {
		return this.today;
	}

	public boolean ultimateTrialWithDap() {
		return this.ultimateTrialWithDap;
	}

	private static int bit(TrialFamily family) {
		return 1 << family.ordinal();
	}

}

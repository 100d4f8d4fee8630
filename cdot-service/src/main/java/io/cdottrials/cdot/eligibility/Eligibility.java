package io.cdottrials.cdot.eligibility;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cdottrials.cdot.catalog.Tier;
import io.cdottrials.cdot.subscriptions.NamespaceState;
import io.cdottrials.cdot.subscriptions.NamespaceStates;
import io.cdottrials.model.TrialType;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates the rules for many namespaces at once. Whatever the number of namespaces, an
 * evaluation costs three SQL statements: the flag, the subscriptions, the trial history.
 * Runs in the caller's transaction when there is one; otherwise in a read-only one, which
 * a configured read replica serves (docs/scaling.md: the answer may lag by the replica's
 * replay lag; a trial application re-checks on the primary).
 * <p>
 * A bulk answer is the hot path (GitLab asks for up to 1000 namespaces at a time): each
 * namespace's state becomes a {@link Candidate} once, every rule decides every type from
 * it without allocating, failures are a bit mask, and the eligible list for a mask is
 * shared. Sentences are only written for {@link #explain} and {@link #failedRules}.
 */
@Service
public class Eligibility {

	private static final TrialType[] TYPES = TrialType.values();

	/** The eligible types for every mask of {@link #TYPES}, shared by all answers. */
	private static final List<List<TrialType>> ELIGIBLE_BY_MASK = eligibleListsByMask();

	private final EligibilityRule[] rules;

	private final NamespaceStates namespaceStates;

	private final TrialHistory trialHistory;

	private final TrialOffers offers;

	private final EligibilityMetrics metrics;

	private final Clock clock;

	Eligibility(List<EligibilityRule> rules, NamespaceStates namespaceStates, TrialHistory trialHistory,
			TrialOffers offers, MeterRegistry meterRegistry, Clock clock) {
		if (rules.size() > Integer.SIZE) {
			throw new IllegalStateException("At most " + Integer.SIZE + " eligibility rules fit a failure mask");
		}
		this.rules = rules.toArray(EligibilityRule[]::new);
		this.namespaceStates = namespaceStates;
		this.trialHistory = trialHistory;
		this.offers = offers;
		this.metrics = new EligibilityMetrics(meterRegistry, List.copyOf(rules));
		this.clock = clock;
	}

	/**
	 * The trial types each namespace may start now.
	 * @param namespaceIds the namespaces; duplicates are answered once
	 * @return eligible types by namespace id, in the order asked, every id present
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<TrialType>> eligibleTypes(Collection<Long> namespaceIds) {
		List<Candidate> candidates = candidates(namespaceIds);
		Map<Long, List<TrialType>> answer = new LinkedHashMap<>((int) (candidates.size() / 0.75f) + 1);
		EligibilityMetrics.Tally tally = this.metrics.tally();
		for (Candidate candidate : candidates) {
			int eligible = 0;
			for (TrialType type : TYPES) {
				int failed = failedRuleMask(candidate, type);
				tally.evaluated(type, failed);
				if (failed == 0) {
					eligible |= 1 << type.ordinal();
				}
			}
			answer.put(candidate.namespaceId(), ELIGIBLE_BY_MASK.get(eligible));
		}
		tally.publish();
		return answer;
	}

	/**
	 * Every rule's verdict for every trial type, for one namespace.
	 * @param namespaceId the namespace
	 * @return verdicts by trial type, rules in their order
	 */
	@Transactional(readOnly = true)
	public Map<TrialType, List<Verdict>> explain(long namespaceId) {
		Candidate candidate = candidates(List.of(namespaceId)).get(0);
		Map<TrialType, List<Verdict>> explanation = new EnumMap<>(TrialType.class);
		for (TrialType type : TYPES) {
			List<Verdict> verdicts = new ArrayList<>(this.rules.length);
			for (EligibilityRule rule : this.rules) {
				verdicts.add(rule.evaluate(candidate, type));
			}
			explanation.put(type, List.copyOf(verdicts));
		}
		return explanation;
	}

	/**
	 * The rules one namespace fails for one type; runs in the caller's transaction, so a
	 * caller holding the namespace's lock sees a state nobody changes meanwhile.
	 * @param namespaceId the namespace
	 * @param type the trial type
	 * @return the failing verdicts, empty when the namespace is eligible
	 */
	public List<Verdict> failedRules(long namespaceId, TrialType type) {
		Candidate candidate = candidates(List.of(namespaceId)).get(0);
		List<Verdict> failed = new ArrayList<>();
		for (EligibilityRule rule : this.rules) {
			if (!rule.passes(candidate, type)) {
				failed.add(rule.evaluate(candidate, type));
			}
		}
		return List.copyOf(failed);
	}

	/**
	 * The ultimate trial type GitLab's {@code ApplyTrialService} would ask for: the
	 * on-Premium type for a namespace whose paid tier is Premium, the free type for any
	 * other, in the flavour the {@code ultimate_trial_with_dap} flag offers now. A
	 * namespace on another paid tier gets a type its rules then refuse, as in GitLab.
	 * @param namespaceId the namespace
	 * @return the trial type to apply for
	 */
	@Transactional(readOnly = true)
	public TrialType ultimateTrialFor(long namespaceId) {
		NamespaceState state = this.namespaceStates.states(List.of(namespaceId), LocalDate.now(this.clock))
			.getOrDefault(namespaceId, NamespaceState.free(namespaceId));
		boolean withDap = this.offers.ultimateTrialWithDap();
		if (state.paidTier() == Tier.PREMIUM) {
			return withDap ? TrialType.ULTIMATE_ON_PREMIUM_WITH_DAP
					: TrialType.ULTIMATE_ON_PREMIUM_WITH_GITLAB_DUO_ENTERPRISE;
		}
		return withDap ? TrialType.ULTIMATE_WITH_DAP : TrialType.ULTIMATE_WITH_GITLAB_DUO_ENTERPRISE;
	}

	private int failedRuleMask(Candidate candidate, TrialType type) {
		int failed = 0;
		for (int i = 0; i < this.rules.length; i++) {
			if (!this.rules[i].passes(candidate, type)) {
				failed |= 1 << i;
			}
		}
		return failed;
	}

	private List<Candidate> candidates(Collection<Long> namespaceIds) {
		LocalDate today = LocalDate.now(this.clock);
		boolean withDap = this.offers.ultimateTrialWithDap();
		Set<Long> ids = (namespaceIds instanceof Set<Long> set) ? set : new LinkedHashSet<>(namespaceIds);
		Map<Long, NamespaceState> states = this.namespaceStates.states(ids, today);
		Map<Long, List<PastTrial>> trials = this.trialHistory.trialsOf(ids);
		List<Candidate> candidates = new ArrayList<>(ids.size());
		for (Long id : ids) {
			NamespaceState state = states.get(id);
			List<PastTrial> history = trials.get(id);
			candidates.add(new Candidate((state != null) ? state : NamespaceState.free(id),
					(history != null) ? history : List.of(), today, withDap));
		}
		return candidates;
	}

	private static List<List<TrialType>> eligibleListsByMask() {
		List<List<TrialType>> lists = new ArrayList<>(1 << TYPES.length);
		for (int mask = 0; mask < (1 << TYPES.length); mask++) {
			List<TrialType> types = new ArrayList<>();
			for (TrialType type : TYPES) {
				if ((mask & (1 << type.ordinal())) != 0) {
					types.add(type);
				}
			}
			lists.add(List.copyOf(types));
		}
		return List.copyOf(lists);
	}

}

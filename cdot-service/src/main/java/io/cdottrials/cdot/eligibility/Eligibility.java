package io.cdottrials.cdot.eligibility;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cdottrials.cdot.catalog.Tier;
import io.cdottrials.cdot.subscriptions.NamespaceState;
import io.cdottrials.cdot.subscriptions.NamespaceStates;
import io.cdottrials.model.TrialType;

import org.springframework.stereotype.Service;

/**
 * Evaluates the rules for many namespaces at once. Whatever the number of namespaces, an
 * evaluation costs three SQL statements: the flag, the subscriptions, the trial history.
 * Runs in the caller's transaction when there is one.
 */
@Service
public class Eligibility {

	private final List<EligibilityRule> rules;

	private final NamespaceStates namespaceStates;

	private final TrialHistory trialHistory;

	private final TrialOffers offers;

	private final EligibilityMetrics metrics;

	private final Clock clock;

	Eligibility(List<EligibilityRule> rules, NamespaceStates namespaceStates, TrialHistory trialHistory,
			TrialOffers offers, EligibilityMetrics metrics, Clock clock) {
		this.rules = List.copyOf(rules);
		this.namespaceStates = namespaceStates;
		this.trialHistory = trialHistory;
		this.offers = offers;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * The trial types each namespace may start now.
	 * @param namespaceIds the namespaces; duplicates are answered once
	 * @return eligible types by namespace id, in the order asked, every id present
	 */
	public Map<Long, List<TrialType>> eligibleTypes(Collection<Long> namespaceIds) {
		Map<Long, List<TrialType>> answer = new LinkedHashMap<>();
		for (Candidate candidate : candidates(namespaceIds)) {
			List<TrialType> eligible = new ArrayList<>();
			for (TrialType type : TrialType.values()) {
				List<Verdict> failed = failures(candidate, type);
				if (failed.isEmpty()) {
					eligible.add(type);
				}
				this.metrics.evaluated(type, failed);
			}
			answer.put(candidate.namespaceId(), List.copyOf(eligible));
		}
		return answer;
	}

	/**
	 * Every rule's verdict for every trial type, for one namespace.
	 * @param namespaceId the namespace
	 * @return verdicts by trial type, rules in their order
	 */
	public Map<TrialType, List<Verdict>> explain(long namespaceId) {
		Candidate candidate = candidates(List.of(namespaceId)).get(0);
		Map<TrialType, List<Verdict>> explanation = new EnumMap<>(TrialType.class);
		for (TrialType type : TrialType.values()) {
			explanation.put(type, this.rules.stream().map((rule) -> rule.evaluate(candidate, type)).toList());
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
		return failures(candidates(List.of(namespaceId)).get(0), type);
	}

	/**
	 * The ultimate trial type GitLab's {@code ApplyTrialService} would ask for: the
	 * on-Premium type for a namespace whose paid tier is Premium, the free type for any
	 * other, in the flavour the {@code ultimate_trial_with_dap} flag offers now. A
	 * namespace on another paid tier gets a type its rules then refuse, as in GitLab.
	 * @param namespaceId the namespace
	 * @return the trial type to apply for
	 */
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

	private List<Verdict> failures(Candidate candidate, TrialType type) {
		return this.rules.stream()
			.map((rule) -> rule.evaluate(candidate, type))
			.filter((verdict) -> !verdict.passed())
			.toList();
	}

	private List<Candidate> candidates(Collection<Long> namespaceIds) {
		LocalDate today = LocalDate.now(this.clock);
		boolean withDap = this.offers.ultimateTrialWithDap();
		List<Long> ids = namespaceIds.stream().distinct().toList();
		Map<Long, NamespaceState> states = this.namespaceStates.states(ids, today);
		Map<Long, List<PastTrial>> trials = this.trialHistory.trialsOf(ids);
		return ids.stream()
			.map((id) -> new Candidate(states.getOrDefault(id, NamespaceState.free(id)),
					trials.getOrDefault(id, List.of()), today, withDap))
			.toList();
	}

}

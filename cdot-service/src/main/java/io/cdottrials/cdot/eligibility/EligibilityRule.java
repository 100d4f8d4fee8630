package io.cdottrials.cdot.eligibility;

import io.cdottrials.model.TrialType;

/**
 * One named eligibility rule (SPEC section 4). A namespace may start a trial type when
 * every rule passes. Rules are Spring beans: adding a rule is adding one class that
 * implements this interface. A rule runs no query; what it needs is in the
 * {@link Candidate}, loaded for many namespaces at once.
 */
public interface EligibilityRule {

	/**
	 * The rule's name as operators and API clients see it, e.g. {@code paid_tier}.
	 * @return a snake_case name
	 */
	String name();

	/**
	 * Evaluates the rule and says why.
	 * @param candidate the namespace's state
	 * @param type the trial type asked about
	 * @return the verdict with a sentence explaining it
	 */
	Verdict evaluate(Candidate candidate, TrialType type);

}

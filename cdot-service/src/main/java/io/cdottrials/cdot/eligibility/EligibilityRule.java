package io.cdottrials.cdot.eligibility;

import io.cdottrials.model.TrialType;

/**
 * One named eligibility rule (SPEC section 4). A namespace may start a trial type when
 * every rule passes. Rules are Spring beans: adding a rule is adding one class that
 * implements this interface. A rule runs no query; what it needs is in the
 * {@link Candidate}, loaded for many namespaces at once.
 * <p>
 * The decision ({@link #passes}) runs for every namespace, type and rule of a bulk
 * answer, so it allocates nothing; the sentence ({@link #reason}) is only built when
 * someone reads it (the explain endpoint, a refused trial).
 */
public interface EligibilityRule {

	/**
	 * The rule's name as operators and API clients see it, e.g. {@code paid_tier}.
	 * @return a snake_case name
	 */
	String name();

	/**
	 * Decides the rule, without allocating.
	 * @param candidate the namespace's state
	 * @param type the trial type asked about
	 * @return whether the rule lets the namespace start the type
	 */
	boolean passes(Candidate candidate, TrialType type);

	/**
	 * Says why the rule decided as it did.
	 * @param candidate the namespace's state
	 * @param type the trial type asked about
	 * @param passed what {@link #passes} answered for them
	 * @return one sentence a person can read
	 */
	String reason(Candidate candidate, TrialType type, boolean passed);

	/**
	 * Evaluates the rule and says why.
	 * @param candidate the namespace's state
	 * @param type the trial type asked about
	 * @return the verdict with a sentence explaining it
	 */
	default Verdict evaluate(Candidate candidate, TrialType type) {
		boolean passed = passes(candidate, type);
		return new Verdict(name(), passed, reason(candidate, type, passed));
	}

}

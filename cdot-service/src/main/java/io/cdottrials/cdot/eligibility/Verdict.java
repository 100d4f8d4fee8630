package io.cdottrials.cdot.eligibility;

/**
 * What one rule concluded for one namespace and trial type, and why.
 *
 * @param rule the rule's name, e.g. {@code paid_tier}
 * @param passed whether the rule lets the namespace start the type
 * @param reason one sentence a person can read
 */
public record Verdict(String rule, boolean passed, String reason) {

	public static Verdict pass(String rule, String reason) {
		return new Verdict(rule, true, reason);
	}

	public static Verdict fail(String rule, String reason) {
		return new Verdict(rule, false, reason);
	}

}

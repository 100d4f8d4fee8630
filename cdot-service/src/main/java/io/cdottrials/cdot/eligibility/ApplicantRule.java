package io.cdottrials.cdot.eligibility;

/**
 * A rule on the applicant, run only when a trial is applied for (the bulk eligibility
 * answer knows no applicant). Each has its own runtime flag; a field the form lacks
 * passes, since the namespace trial API sends none. Adding one is adding one class.
 */
public interface ApplicantRule {

	/**
	 * The rule's name, shown in {@code failed_rules}.
	 * @return a snake_case name
	 */
	String name();

	/**
	 * Its flag's default while nobody switched it.
	 * @return whether the rule applies by default
	 */
	boolean enabledByDefault();

	/**
	 * Decides the rule.
	 * @param form the applicant's form
	 * @return whether the applicant may start a trial
	 */
	boolean passes(ApplicantForm form);

	/**
	 * Says why, in a sentence a GitLab user can read.
	 * @param form the applicant's form
	 * @param passed what {@link #passes} answered
	 * @return the sentence
	 */
	String reason(ApplicantForm form, boolean passed);

	/**
	 * The rule's runtime flag, {@code applicant_rule_<name>}.
	 * @return the flag's name
	 */
	default String flag() {
		return "applicant_rule_" + name();
	}

}

package io.cdottrials.cdot.eligibility;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.cdottrials.cdot.platform.FeatureFlags;

import org.springframework.stereotype.Service;

/**
 * Runs the apply-time rules whose flags are on.
 */
@Service
public class ApplicantRules {

	private final List<ApplicantRule> rules;

	private final FeatureFlags flags;

	ApplicantRules(List<ApplicantRule> rules, FeatureFlags flags) {
		this.rules = List.copyOf(rules);
		this.flags = flags;
	}

	/**
	 * The rules the applicant fails.
	 * @param form the applicant's form
	 * @param skipped names of rules not to apply (an experiment variant's)
	 * @return the failing verdicts, empty when the applicant may start a trial
	 */
	public List<Verdict> failed(ApplicantForm form, Collection<String> skipped) {
		return active().failed(form, skipped);
	}

	/**
	 * The rules whose flags are on now, read once: for a caller that must not query while
	 * it holds a lock.
	 * @return the enabled rules
	 */
	public Active active() {
		return new Active(this.rules.stream().filter(this::enabled).toList());
	}

	/**
	 * Every rule's verdict, flags and all, for the explain view and tests.
	 * @param form the applicant's form
	 * @return one verdict per rule; a rule whose flag is off passes and says so
	 */
	public List<Verdict> explain(ApplicantForm form) {
		List<Verdict> verdicts = new ArrayList<>();
		for (ApplicantRule rule : this.rules) {
			if (!enabled(rule)) {
				verdicts.add(Verdict.pass(rule.name(), "the rule is off (flag " + rule.flag() + ")"));
			}
			else {
				boolean passed = rule.passes(form);
				verdicts.add(new Verdict(rule.name(), passed, rule.reason(form, passed)));
			}
		}
		return verdicts;
	}

	/**
	 * Every rule and whether its flag is on ({@link Verdict#passed()} here means
	 * enabled).
	 * @return one entry per rule
	 */
	public List<Verdict> states() {
		return this.rules.stream()
			.map((rule) -> new Verdict(rule.name(), enabled(rule), enabled(rule) ? "on" : "off"))
			.toList();
	}

	/**
	 * Switches a rule for every replica.
	 * @param name the rule's name
	 * @param enabled its new state
	 * @return whether a rule of that name exists
	 */
	public boolean set(String name, boolean enabled) {
		for (ApplicantRule rule : this.rules) {
			if (rule.name().equals(name)) {
				this.flags.set(rule.flag(), enabled);
				return true;
			}
		}
		return false;
	}

	private boolean enabled(ApplicantRule rule) {
		return this.flags.isActive(rule.flag(), rule.enabledByDefault());
	}

	/**
	 * The rules enabled at one time.
	 *
	 * @param rules the enabled rules
	 */
	public record Active(List<ApplicantRule> rules) {

		/**
		 * The rules the applicant fails.
		 * @param form the applicant's form
		 * @param skipped names of rules not to apply (an experiment variant's)
		 * @return the failing verdicts, empty when the applicant may start a trial
		 */
		public List<Verdict> failed(ApplicantForm form, Collection<String> skipped) {
			List<Verdict> failed = new ArrayList<>();
			for (ApplicantRule rule : this.rules) {
				if (!skipped.contains(rule.name()) && !rule.passes(form)) {
					failed.add(Verdict.fail(rule.name(), rule.reason(form, false)));
				}
			}
			return failed;
		}

	}

}

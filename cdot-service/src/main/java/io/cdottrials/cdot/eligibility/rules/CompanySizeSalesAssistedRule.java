package io.cdottrials.cdot.eligibility.rules;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cdottrials.cdot.eligibility.ApplicantForm;
import io.cdottrials.cdot.eligibility.ApplicantRule;
import io.cdottrials.cdot.eligibility.ApplicantRulesProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * {@code company_size_sales_assisted}: companies of at least
 * {@code cdot.eligibility.applicant.sales-assisted-company-size} employees are routed to
 * sales instead of a self-service trial (the framework's scenario 3). Flag
 * {@code applicant_rule_company_size_sales_assisted}, off by default: scenario 3 is a
 * judgment call to make with Provision before switching it on.
 */
@Component
class CompanySizeSalesAssistedRule implements ApplicantRule {

	/**
	 * The lower bound of GitLab's ranges: {@code 1-99}, {@code 500-1,999},
	 * {@code 10,000+}.
	 */
	private static final Pattern LOWER_BOUND = Pattern.compile("^\\s*([0-9][0-9,]{0,8})");

	private final int threshold;

	CompanySizeSalesAssistedRule(ApplicantRulesProperties properties) {
		this.threshold = properties.salesAssistedCompanySize();
	}

	@Override
	public String name() {
		return "company_size_sales_assisted";
	}

	@Override
	public boolean enabledByDefault() {
		return false;
	}

	@Override
	public boolean passes(ApplicantForm form) {
		OptionalInt size = lowerBound(form.companySize());
		return size.isEmpty() || size.getAsInt() < this.threshold;
	}

	@Override
	public String reason(ApplicantForm form, boolean passed) {
		if (lowerBound(form.companySize()).isEmpty()) {
			return "no company size was given";
		}
		return passed ? "a company of " + form.companySize() + " employees can start a trial" : "companies of "
				+ this.threshold
				+ " or more employees get their trial through our sales team: please contact sales at https://about.gitlab.com/sales/";
	}

	private static OptionalInt lowerBound(@Nullable String companySize) {
		if (companySize == null) {
			return OptionalInt.empty();
		}
		Matcher matcher = LOWER_BOUND.matcher(companySize);
		return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1).replace(",", "")))
				: OptionalInt.empty();
	}

}

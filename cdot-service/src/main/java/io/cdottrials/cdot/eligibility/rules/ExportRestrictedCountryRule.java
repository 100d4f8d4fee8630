package io.cdottrials.cdot.eligibility.rules;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.cdottrials.cdot.eligibility.ApplicantForm;
import io.cdottrials.cdot.eligibility.ApplicantRule;
import io.cdottrials.cdot.eligibility.ApplicantRulesProperties;

import org.springframework.stereotype.Component;

/**
 * {@code export_restricted_country}: the applicant's country is not under export
 * restrictions ({@code cdot.eligibility.applicant.restricted-countries}). Flag
 * {@code applicant_rule_export_restricted_country}, on by default: it is a legal
 * obligation, not a growth lever.
 */
@Component
class ExportRestrictedCountryRule implements ApplicantRule {

	private final Set<String> restricted;

	ExportRestrictedCountryRule(ApplicantRulesProperties properties) {
		this.restricted = properties.restrictedCountries()
			.stream()
			.map((code) -> code.strip().toUpperCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public String name() {
		return "export_restricted_country";
	}

	@Override
	public boolean enabledByDefault() {
		return true;
	}

	@Override
	public boolean passes(ApplicantForm form) {
		return form.country() == null || !this.restricted.contains(form.country().strip().toUpperCase(Locale.ROOT));
	}

	@Override
	public String reason(ApplicantForm form, boolean passed) {
		if (form.country() == null) {
			return "no country was given";
		}
		return passed ? "the country " + form.country() + " is not under export restrictions"
				: "trials are not available in the country " + form.country() + " because of export restrictions";
	}

}

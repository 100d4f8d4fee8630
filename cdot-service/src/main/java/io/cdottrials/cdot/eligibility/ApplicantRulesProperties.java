package io.cdottrials.cdot.eligibility;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the apply-time rules.
 *
 * @param blockedEmailDomains work e-mail domains refused besides the bundled disposable
 * list (a subdomain of one is refused too)
 * @param restrictedCountries ISO 3166-1 alpha-2 codes of countries under export
 * restrictions; by default the comprehensively embargoed ones of the US EAR/OFAC lists:
 * Cuba, Iran, North Korea, Syria
 * @param salesAssistedCompanySize the smallest company size (employees, the lower bound
 * of GitLab's {@code company_size} range) routed to sales instead of a trial
 */
@ConfigurationProperties("cdot.eligibility.applicant")
public record ApplicantRulesProperties(@DefaultValue List<String> blockedEmailDomains, @DefaultValue( {
		"CU", "IR", "KP", "SY" }) List<String> restrictedCountries, @DefaultValue("2000") int salesAssistedCompanySize){
}

package io.cdottrials.cdot.eligibility.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.cdottrials.cdot.eligibility.ApplicantForm;
import io.cdottrials.cdot.eligibility.ApplicantRule;
import io.cdottrials.cdot.eligibility.ApplicantRulesProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * {@code work_email_domain}: the applicant's work e-mail is not on a disposable or
 * blocked domain (nor a subdomain of one). Flag {@code applicant_rule_work_email_domain},
 * on by default: throwaway addresses are how trials are farmed.
 */
@Component
class BlockedEmailDomainRule implements ApplicantRule {

	static final String DISPOSABLE = "eligibility/disposable-email-domains.txt";

	private final Set<String> blocked = new HashSet<>();

	BlockedEmailDomainRule(ApplicantRulesProperties properties) {
		this.blocked.addAll(bundled());
		properties.blockedEmailDomains().forEach((domain) -> this.blocked.add(domain.strip().toLowerCase(Locale.ROOT)));
	}

	@Override
	public String name() {
		return "work_email_domain";
	}

	@Override
	public boolean enabledByDefault() {
		return true;
	}

	@Override
	public boolean passes(ApplicantForm form) {
		String domain = domain(form.workEmail());
		if (domain == null) {
			return true;
		}
		// mail.yopmail.com is as disposable as yopmail.com
		for (String candidate = domain; candidate
			.contains("."); candidate = candidate.substring(candidate.indexOf('.') + 1)) {
			if (this.blocked.contains(candidate)) {
				return false;
			}
		}
		return false == this.blocked.contains(domain);
	}

	@Override
	public String reason(ApplicantForm form, boolean passed) {
		String domain = domain(form.workEmail());
		if (domain == null) {
			return "no work e-mail was given";
		}
		return passed ? "the work e-mail domain " + domain + " is accepted" : "the work e-mail domain " + domain
				+ " is a disposable or blocked domain; apply with your company e-mail address";
	}

	private static @Nullable String domain(@Nullable String email) {
		if (email == null) {
			return null;
		}
		int at = email.lastIndexOf('@');
		String domain = email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
		return domain.isEmpty() ? null : domain;
	}

	private static Set<String> bundled() {
		Set<String> domains = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(DISPOSABLE).getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.forEach((line) -> domains.add(line.toLowerCase(Locale.ROOT)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The bundled " + DISPOSABLE + " cannot be read", ex);
		}
		return domains;
	}

}

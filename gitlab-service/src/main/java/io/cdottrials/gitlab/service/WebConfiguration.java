package io.cdottrials.gitlab.service;

import io.cdottrials.web.NamespaceIds;
import io.cdottrials.web.RequestSli;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The eligibility reads' SLI, {@code gitlab_sli_trial_eligibility} ({@link RequestSli}),
 * and how their namespace ids are checked.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	RequestSli trialEligibilitySli(MeterRegistry registry, SliProperties properties) {
		return new RequestSli(registry, "gitlab_sli_trial_eligibility",
				(request) -> TrialEligibilityController.PATH.equals(request.getRequestURI())
						&& ("GET".equals(request.getMethod()) || "POST".equals(request.getMethod())),
				properties.trialEligibilityApdexThreshold(), RequestSli.ClientErrors.IGNORED);
	}

	@Bean
	NamespaceIds namespaceIds() {
		return new NamespaceIds(new PositiveIntegersOnly());
	}

	/** One message for every bad value, naming the value. */
	private static final class PositiveIntegersOnly implements NamespaceIds.Wording {

		@Override
		public String emptyValue() {
			return NamespaceIds.PARAMETER + " must not contain empty values";
		}

		@Override
		public String nullValue() {
			return notPositive("null");
		}

		@Override
		public String notAnInteger(String value) {
			return notPositive(value);
		}

		@Override
		public String notPositive(String value) {
			return NamespaceIds.PARAMETER + " must contain positive integers only, not " + value;
		}

	}

}

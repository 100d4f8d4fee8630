package io.cdottrials.cdot.eligibility;

import io.cdottrials.web.RequestSli;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * GitLab-style SLIs of the eligibility endpoint,
 * {@code gitlab_sli_cdot_trial_eligibility} ({@link RequestSli}): its apdex and its error
 * rate, 4xx excluded.
 */
@Configuration(proxyBeanMethods = false)
class EligibilitySli {

	@Bean
	RequestSli eligibilityRequestSli(MeterRegistry registry, EligibilityProperties properties) {
		return new RequestSli(registry, "gitlab_sli_cdot_trial_eligibility",
				(request) -> EligibilityController.PATH.equals(request.getRequestURI()), properties.apdexThreshold(),
				RequestSli.ClientErrors.COUNTED_IN_TOTAL);
	}

}

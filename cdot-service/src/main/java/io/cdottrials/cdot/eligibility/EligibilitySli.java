package io.cdottrials.cdot.eligibility;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * GitLab-style SLIs of the eligibility endpoint: an apdex pair
 * ({@code gitlab_sli_cdot_trial_eligibility_apdex_total} and
 * {@code ..._apdex_success_total}: successful answers faster than the threshold) and an
 * error-rate pair ({@code gitlab_sli_cdot_trial_eligibility_total} and
 * {@code ..._error_total}: answers that were our fault, i.e. 5xx). A client's 4xx is
 * neither an error nor part of the apdex.
 */
@Component
class EligibilitySli implements HandlerInterceptor, WebMvcConfigurer {

	private static final String STARTED = EligibilitySli.class.getName() + ".started";

	private final long thresholdNanos;

	private final Counter apdex;

	private final Counter apdexSuccess;

	private final Counter total;

	private final Counter errors;

	EligibilitySli(MeterRegistry registry, EligibilityProperties properties) {
		this.thresholdNanos = properties.apdexThreshold().toNanos();
		this.apdex = registry.counter("gitlab_sli.cdot_trial_eligibility_apdex");
		this.apdexSuccess = registry.counter("gitlab_sli.cdot_trial_eligibility_apdex.success");
		this.total = registry.counter("gitlab_sli.cdot_trial_eligibility");
		this.errors = registry.counter("gitlab_sli.cdot_trial_eligibility.error");
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns(EligibilityController.PATH);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		request.setAttribute(STARTED, System.nanoTime());
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable Exception ex) {
		if (!(request.getAttribute(STARTED) instanceof Long started)) {
			return;
		}
		int status = response.getStatus();
		this.total.increment();
		if (status >= 500) {
			this.errors.increment();
			return;
		}
		if (status < 400) {
			this.apdex.increment();
			if (System.nanoTime() - started <= this.thresholdNanos) {
				this.apdexSuccess.increment();
			}
		}
	}

}

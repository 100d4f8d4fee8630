package io.cdottrials.gitlab.service;

import java.io.IOException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * GitLab-style SLIs of {@code /api/v1/trial_eligibility} reads: an apdex pair
 * ({@code gitlab_sli_trial_eligibility_apdex_total} and
 * {@code gitlab_sli_trial_eligibility_apdex_success_total}, successful requests only,
 * success when within the threshold) and an error-rate pair
 * ({@code gitlab_sli_trial_eligibility_total} and
 * {@code gitlab_sli_trial_eligibility_error_total}, an error being a 5xx or an answer
 * with a degraded namespace). A client's 4xx is the client's mistake and counts in
 * neither.
 */
@Component
class EligibilitySli extends OncePerRequestFilter {

	static final String DEGRADED = EligibilitySli.class.getName() + ".degraded";

	private static final String PATH = "/api/v1/trial_eligibility";

	private final Counter apdex;

	private final Counter apdexSuccess;

	private final Counter total;

	private final Counter errors;

	private final long thresholdNanos;

	EligibilitySli(MeterRegistry registry, SliProperties properties) {
		this.apdex = counter(registry, "gitlab_sli_trial_eligibility_apdex", "Eligibility reads counted in the apdex");
		this.apdexSuccess = counter(registry, "gitlab_sli_trial_eligibility_apdex_success",
				"Eligibility reads answered within the apdex threshold");
		this.total = counter(registry, "gitlab_sli_trial_eligibility", "Eligibility reads counted in the error rate");
		this.errors = counter(registry, "gitlab_sli_trial_eligibility_error",
				"Eligibility reads that failed or were degraded");
		this.thresholdNanos = properties.trialEligibilityApdexThreshold().toNanos();
	}

	private static Counter counter(MeterRegistry registry, String name, String description) {
		return Counter.builder(name).description(description).register(registry);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		return !(PATH.equals(request.getRequestURI()) && ("GET".equals(method) || "POST".equals(method)));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			record(request, response.getStatus(), System.nanoTime() - start);
		}
	}

	private void record(HttpServletRequest request, int status, long nanos) {
		if (status >= 400 && status < 500) {
			return;
		}
		boolean error = status >= 500 || Boolean.TRUE.equals(request.getAttribute(DEGRADED));
		this.total.increment();
		if (error) {
			this.errors.increment();
			return;
		}
		this.apdex.increment();
		if (nanos <= this.thresholdNanos) {
			this.apdexSuccess.increment();
		}
	}

}

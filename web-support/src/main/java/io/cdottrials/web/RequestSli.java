package io.cdottrials.web;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * GitLab-style SLIs of one endpoint, from its final status: an apdex pair
 * ({@code <name>_apdex_total} and {@code <name>_apdex_success_total}: successful answers
 * within the threshold) and an error-rate pair ({@code <name>_total} and
 * {@code <name>_error_total}: answers that were our fault, a 5xx or an answer a
 * controller marked {@link #markDegraded degraded}). A client's 4xx is the client's
 * mistake: never an error nor part of the apdex, and part of the error rate's total only
 * where the service's dashboards were built that way ({@link ClientErrors}).
 */
public final class RequestSli extends OncePerRequestFilter {

	private static final String DEGRADED = RequestSli.class.getName() + ".degraded";

	private final Predicate<HttpServletRequest> endpoint;

	private final ClientErrors clientErrors;

	private final long thresholdNanos;

	private final Counter apdex;

	private final Counter apdexSuccess;

	private final Counter total;

	private final Counter errors;

	/**
	 * Counts the requests {@code endpoint} selects.
	 * @param registry where the counters live
	 * @param name the SLI's name, e.g. {@code gitlab_sli_trial_eligibility}
	 * @param endpoint the requests counted
	 * @param threshold a successful request answered within this time satisfies the apdex
	 * @param clientErrors whether a 4xx counts in the error rate's total
	 */
	public RequestSli(MeterRegistry registry, String name, Predicate<HttpServletRequest> endpoint, Duration threshold,
			ClientErrors clientErrors) {
		this.endpoint = endpoint;
		this.clientErrors = clientErrors;
		this.thresholdNanos = threshold.toNanos();
		this.apdex = counter(registry, name + "_apdex", "Requests counted in the apdex");
		this.apdexSuccess = counter(registry, name + "_apdex_success", "Requests answered within the apdex threshold");
		this.total = counter(registry, name, "Requests counted in the error rate");
		this.errors = counter(registry, name + "_error", "Requests that failed or were degraded");
	}

	/**
	 * Counts this request as an error although it is answered: an answer that could not
	 * be what it should (e.g. made without a dependency that is down).
	 * @param request the request being answered
	 */
	public static void markDegraded(ServletRequest request) {
		request.setAttribute(DEGRADED, Boolean.TRUE);
	}

	private static Counter counter(MeterRegistry registry, String name, String description) {
		return Counter.builder(name).description(description).register(registry);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.endpoint.test(request);
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
		boolean clientError = status >= 400 && status < 500;
		if (clientError && this.clientErrors == ClientErrors.IGNORED) {
			return;
		}
		this.total.increment();
		if (clientError) {
			return;
		}
		if (status >= 500 || Boolean.TRUE.equals(request.getAttribute(DEGRADED))) {
			this.errors.increment();
			return;
		}
		this.apdex.increment();
		if (nanos <= this.thresholdNanos) {
			this.apdexSuccess.increment();
		}
	}

	/**
	 * Whether a client's 4xx counts in the error rate's total.
	 */
	public enum ClientErrors {

		/** A 4xx is a request served: part of the total, never an error. */
		COUNTED_IN_TOTAL,

		/** A 4xx is not counted at all. */
		IGNORED

	}

}

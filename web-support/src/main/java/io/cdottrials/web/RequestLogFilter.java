package io.cdottrials.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per API request (method, path, status, milliseconds), written inside the
 * request's trace so that the line carries its trace id: how an operator finds a request
 * that left nothing else in the log. The query string is left out (it can hold a thousand
 * namespace ids), and so are the actuator endpoints that probes and Prometheus call every
 * few seconds. Turn it off with
 * {@code logging.level.io.cdottrials.web.RequestLogFilter=warn}.
 */
public class RequestLogFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(RequestLogFilter.class);

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !logger.isInfoEnabled() || request.getRequestURI().startsWith("/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			// an exception escaping here becomes a 500 on the error dispatch, after this
			// line
			logger.info("{} {} {} {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
					(System.nanoTime() - start) / 1_000_000);
		}
	}

}

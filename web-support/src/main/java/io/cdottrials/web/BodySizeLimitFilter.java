package io.cdottrials.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 413 to a request that announces a body larger than any endpoint takes, before
 * anything reads it. Tomcat's own limits ({@code max-http-form-post-size},
 * {@code max-swallow-size}) cover forms and unread bodies only.
 */
final class BodySizeLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final ProblemResponses responses;

	BodySizeLimitFilter(long maxBytes, ProblemResponses responses) {
		this.maxBytes = maxBytes;
		this.responses = responses;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBytes) {
			// the unread body is not worth swallowing
			response.setHeader("Connection", "close");
			this.responses.write(response, HttpStatus.CONTENT_TOO_LARGE,
					List.of("The request body must not be larger than " + this.maxBytes + " bytes"));
			return;
		}
		chain.doFilter(request, response);
	}

}

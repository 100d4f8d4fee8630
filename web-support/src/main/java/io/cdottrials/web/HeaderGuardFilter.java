package io.cdottrials.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a {@code Content-Type} that is not one concrete media type with a 415, and an
 * {@code Accept} that is not a list of media types with a 406, before anything parses
 * them: deeper in Spring MVC such a header fails where a 500 or an empty error body is
 * all that is left.
 */
final class HeaderGuardFilter extends OncePerRequestFilter {

	private final ProblemResponses responses;

	HeaderGuardFilter(ProblemResponses responses) {
		this.responses = responses;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType != null && !concrete(contentType)) {
			this.responses.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					List.of("The Content-Type header is not a media type"));
			return;
		}
		String accept = request.getHeader("Accept");
		if (accept != null && !mediaTypes(accept)) {
			this.responses.write(response, HttpStatus.NOT_ACCEPTABLE,
					List.of("The Accept header is not a list of media types"));
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean concrete(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return !type.isWildcardType() && !type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static boolean mediaTypes(String accept) {
		try {
			MediaType.parseMediaTypes(accept);
			return true;
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}

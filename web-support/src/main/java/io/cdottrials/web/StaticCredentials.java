package io.cdottrials.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Security filter chains for callers that present one operator-configured credential (a
 * Bearer token, a pair of headers, basic auth): stateless, no sessions, no CSRF (no
 * browser), and a missing or wrong credential answered as a JSON 401 problem that never
 * repeats what was sent.
 */
public final class StaticCredentials {

	private static final String BEARER_PREFIX = "Bearer ";

	private final ProblemResponses responses;

	public StaticCredentials(ProblemResponses responses) {
		this.responses = responses;
	}

	/**
	 * A chain for the requests {@code matcher} selects: each must carry the one
	 * credential {@code converter} reads, equal to {@code principal} and {@code secret}.
	 * @param http the builder
	 * @param matcher the requests of the chain
	 * @param credential how the credential is read from a request
	 * @param principal the expected principal
	 * @param secret the expected secret
	 * @param challenge the {@code WWW-Authenticate} header of a 401
	 * @return the chain
	 */
	public SecurityFilterChain chain(HttpSecurity http, RequestMatcher matcher, AuthenticationConverter credential,
			String principal, String secret, String challenge) {
		AuthenticationEntryPoint entryPoint = (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", challenge);
			this.responses.write(response, HttpStatus.UNAUTHORIZED, List.of("Missing or invalid credentials"));
		};
		AuthenticationFilter filter = new AuthenticationFilter(
				new StaticCredentialAuthenticationManager(principal, secret, "CALLER"), credential);
		filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(entryPoint));
		filter.setSuccessHandler((request, response, authentication) -> {
		});
		return stateless(http).securityMatcher(matcher)
			.requestCache((cache) -> cache.disable())
			.addFilterAt(filter, BasicAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint))
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole("CALLER"))
			.build();
	}

	/**
	 * The chain of everything no other chain selects: open to the network the service
	 * runs in.
	 * @param http the builder
	 * @return the chain
	 */
	public static SecurityFilterChain open(HttpSecurity http) {
		return stateless(http).authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
	}

	private static HttpSecurity stateless(HttpSecurity http) {
		return http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
	}

	/**
	 * Reads {@code Authorization: Bearer <token>} as the secret of {@code principal}.
	 * @param principal the principal the token stands for
	 * @return the converter
	 */
	public static AuthenticationConverter bearerToken(String principal) {
		return (request) -> {
			String header = request.getHeader("Authorization");
			if (header == null || !header.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
				return null;
			}
			return UsernamePasswordAuthenticationToken.unauthenticated(principal,
					header.substring(BEARER_PREFIX.length()).trim());
		};
	}

	/**
	 * Reads the principal and the secret from two headers, like GitLab's
	 * {@code X-Admin-Email} and {@code X-Admin-Token}.
	 * @param principalHeader the principal's header
	 * @param secretHeader the secret's header
	 * @return the converter
	 */
	public static AuthenticationConverter headers(String principalHeader, String secretHeader) {
		return (request) -> headerPair(request, principalHeader, secretHeader);
	}

	/**
	 * Reads basic auth.
	 * @return the converter
	 */
	public static AuthenticationConverter basic() {
		return new BasicAuthenticationConverter();
	}

	private static @Nullable UsernamePasswordAuthenticationToken headerPair(HttpServletRequest request,
			String principalHeader, String secretHeader) {
		String principal = request.getHeader(principalHeader);
		String secret = request.getHeader(secretHeader);
		if (principal == null && secret == null) {
			return null;
		}
		return UsernamePasswordAuthenticationToken.unauthenticated((principal != null) ? principal : "",
				(secret != null) ? secret : "");
	}

}

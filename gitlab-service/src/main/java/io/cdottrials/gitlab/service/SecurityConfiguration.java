package io.cdottrials.gitlab.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call what. Operators' cache invalidation needs the Bearer
 * {@code gitlab.admin.token}. Reads and trial applications are for GitLab's own backends
 * inside the cluster and are guarded by network policy, like GitLab's internal APIs; the
 * webhook is authenticated by its signature, checked in its controller.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String BEARER_PREFIX = "Bearer ";

	@Bean
	@Order(1)
	SecurityFilterChain adminChain(HttpSecurity http, AdminProperties admin, JsonMapper jsonMapper) {
		AuthenticationEntryPoint entryPoint = (request, response, ex) -> unauthorized(response, jsonMapper);
		AuthenticationFilter filter = new AuthenticationFilter(bearerTokenManager(admin.token()),
				SecurityConfiguration::bearerToken);
		filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(entryPoint));
		filter.setSuccessHandler((request, response, authentication) -> {
		});
		return http
			.securityMatcher(
					PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.DELETE, "/api/v1/trial_eligibility/**"))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.addFilterAt(filter, BasicAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint))
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole("ADMIN"))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain openChain(HttpSecurity http) {
		return http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.build();
	}

	private static @Nullable Authentication bearerToken(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
			return null;
		}
		return UsernamePasswordAuthenticationToken.unauthenticated("admin",
				header.substring(BEARER_PREFIX.length()).trim());
	}

	private static AuthenticationManager bearerTokenManager(String token) {
		byte[] expected = token.getBytes(StandardCharsets.UTF_8);
		return (authentication) -> {
			Object credentials = authentication.getCredentials();
			byte[] given = String.valueOf(credentials).getBytes(StandardCharsets.UTF_8);
			if (credentials == null || !MessageDigest.isEqual(expected, given)) {
				throw new BadCredentialsException("Invalid token");
			}
			return UsernamePasswordAuthenticationToken.authenticated("admin", null,
					AuthorityUtils.createAuthorityList("ROLE_ADMIN"));
		};
	}

	private static void unauthorized(HttpServletResponse response, JsonMapper jsonMapper) throws IOException {
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setHeader("WWW-Authenticate", "Bearer");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		jsonMapper.writeValue(response.getOutputStream(),
				ApiProblems.of(HttpStatus.UNAUTHORIZED, List.of("Missing or invalid credentials")));
	}

}

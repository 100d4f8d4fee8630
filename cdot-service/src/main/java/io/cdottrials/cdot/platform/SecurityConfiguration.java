package io.cdottrials.cdot.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Three kinds of caller, three credentials: GitLab's API client sends
 * {@code X-Admin-Email} and {@code X-Admin-Token}, to {@code /api/v1/**} and to the trial
 * paths its subscription portal client uses ({@code /trials}, {@code /trials/**});
 * operators send a Bearer token to {@code /api/v1/admin/**}; Zuora's change callout uses
 * basic auth. Health, metrics and the OpenAPI document are open to the network the
 * service runs in.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String BEARER_PREFIX = "Bearer ";

	@Bean
	@Order(1)
	SecurityFilterChain adminChain(HttpSecurity http, AdminCredentialProperties admin, JsonMapper jsonMapper) {
		AuthenticationConverter bearer = (request) -> {
			String header = request.getHeader("Authorization");
			if (header == null || !header.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
				return null;
			}
			return UsernamePasswordAuthenticationToken.unauthenticated("admin",
					header.substring(BEARER_PREFIX.length()).trim());
		};
		return chain(http, new String[] { "/api/v1/admin/**" },
				new StaticCredentialAuthenticationManager("admin", admin.token(), "ADMIN"), bearer,
				new JsonAuthenticationEntryPoint(jsonMapper, "Bearer"), "ADMIN");
	}

	@Bean
	@Order(2)
	SecurityFilterChain zuoraCalloutChain(HttpSecurity http, ZuoraCalloutCredentialProperties zuora,
			JsonMapper jsonMapper) {
		return chain(http, new String[] { "/api/v1/webhooks/zuora/**" },
				new StaticCredentialAuthenticationManager(zuora.calloutUsername(), zuora.calloutPassword(), "ZUORA"),
				new BasicAuthenticationConverter(),
				new JsonAuthenticationEntryPoint(jsonMapper, "Basic realm=\"cdot\""), "ZUORA");
	}

	@Bean
	@Order(3)
	SecurityFilterChain gitlabChain(HttpSecurity http, ApiCredentialProperties api, JsonMapper jsonMapper) {
		AuthenticationConverter adminHeaders = SecurityConfiguration::adminHeaders;
		return chain(http, new String[] { "/api/v1/**", "/trials", "/trials/**" },
				new StaticCredentialAuthenticationManager(api.adminEmail(), api.adminToken(), "GITLAB"), adminHeaders,
				new JsonAuthenticationEntryPoint(jsonMapper, "X-Admin-Token"), "GITLAB");
	}

	@Bean
	@Order(4)
	SecurityFilterChain openChain(HttpSecurity http) {
		return http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.build();
	}

	private static @Nullable Authentication adminHeaders(HttpServletRequest request) {
		String email = request.getHeader("X-Admin-Email");
		String token = request.getHeader("X-Admin-Token");
		if (email == null && token == null) {
			return null;
		}
		return UsernamePasswordAuthenticationToken.unauthenticated((email != null) ? email : "",
				(token != null) ? token : "");
	}

	private static SecurityFilterChain chain(HttpSecurity http, String[] patterns, AuthenticationManager manager,
			AuthenticationConverter converter, JsonAuthenticationEntryPoint entryPoint, String role) {
		AuthenticationFilter filter = new AuthenticationFilter(manager, converter);
		filter.setFailureHandler(new AuthenticationEntryPointFailureHandler(entryPoint));
		filter.setSuccessHandler((request, response, authentication) -> {
		});
		return http.securityMatcher(patterns)
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.addFilterAt(filter, BasicAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint))
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole(role))
			.build();
	}

}

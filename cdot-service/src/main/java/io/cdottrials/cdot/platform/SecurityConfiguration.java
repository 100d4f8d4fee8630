package io.cdottrials.cdot.platform;

import java.util.Arrays;

import io.cdottrials.web.StaticCredentials;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three kinds of caller, three credentials: GitLab's API client sends
 * {@code X-Admin-Email} and {@code X-Admin-Token}, to {@code /api/v1/**} and to the trial
 * paths its subscription portal client uses ({@code /trials}, {@code /trials/**});
 * operators send a Bearer token to {@code /api/v1/admin/**}; Zuora's change callout uses
 * basic auth. Health, Prometheus and the OpenAPI document are open to the network the
 * service runs in (docs/reliability.md, "Hostile input and authentication").
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain adminChain(HttpSecurity http, StaticCredentials credentials, AdminCredentialProperties admin) {
		return credentials.chain(http, path("/api/v1/admin/**"), StaticCredentials.bearerToken("admin"), "admin",
				admin.token(), "Bearer");
	}

	@Bean
	@Order(2)
	SecurityFilterChain zuoraCalloutChain(HttpSecurity http, StaticCredentials credentials,
			ZuoraCalloutCredentialProperties zuora) {
		return credentials.chain(http, path("/api/v1/webhooks/zuora/**"), StaticCredentials.basic(),
				zuora.calloutUsername(), zuora.calloutPassword(), "Basic realm=\"cdot\"");
	}

	@Bean
	@Order(3)
	SecurityFilterChain gitlabChain(HttpSecurity http, StaticCredentials credentials, ApiCredentialProperties api) {
		return credentials.chain(http, anyOf("/api/v1/**", "/trials", "/trials/**"),
				StaticCredentials.headers("X-Admin-Email", "X-Admin-Token"), api.adminEmail(), api.adminToken(),
				"X-Admin-Token");
	}

	@Bean
	@Order(4)
	SecurityFilterChain openChain(HttpSecurity http) {
		return StaticCredentials.open(http);
	}

	private static PathPatternRequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	private static RequestMatcher anyOf(String... patterns) {
		return new OrRequestMatcher(Arrays.stream(patterns).<RequestMatcher>map(SecurityConfiguration::path).toList());
	}

}

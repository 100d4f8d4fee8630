package io.cdottrials.gitlab.service;

import io.cdottrials.web.StaticCredentials;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call what. Operators' cache invalidation needs the Bearer
 * {@code gitlab.admin.token}. Reads and trial applications are for GitLab's own backends
 * inside the cluster and are guarded by network policy, like GitLab's internal APIs; the
 * webhook is authenticated by its signature, checked in its controller
 * (docs/reliability.md, "Hostile input and authentication").
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain adminChain(HttpSecurity http, StaticCredentials credentials, AdminProperties admin) {
		return credentials.chain(http,
				PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.DELETE, "/api/v1/trial_eligibility/**"),
				StaticCredentials.bearerToken("admin"), "admin", admin.token(), "Bearer");
	}

	@Bean
	@Order(2)
	SecurityFilterChain openChain(HttpSecurity http) {
		return StaticCredentials.open(http);
	}

}

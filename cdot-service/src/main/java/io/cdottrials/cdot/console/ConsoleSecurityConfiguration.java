package io.cdottrials.cdot.console;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The console is for people in a browser: a login form, a session, CSRF tokens on every
 * form. Its chain selects {@code /console/**} only and comes before the API chains, which
 * stay stateless and token-based (docs/console.md). The account is the console's own
 * ({@code cdot.console.*}), not an API credential.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleSecurityConfiguration {

	static final String LOGIN = "/console/login";

	@Bean
	@Order(0)
	SecurityFilterChain consoleChain(HttpSecurity http, ConsoleProperties console) {
		List<UserDetails> users = new ArrayList<>();
		if (!console.locked()) {
			users.add(
					User.withUsername(console.username()).password(console.encodedPassword()).roles("CONSOLE").build());
		}
		return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/console/**"))
			.userDetailsService(new InMemoryUserDetailsManager(users))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(path(LOGIN), path("/console/assets/**"))
				.permitAll()
				.anyRequest()
				.hasRole("CONSOLE"))
			.formLogin((form) -> form.loginPage(LOGIN).defaultSuccessUrl("/console", true).permitAll())
			.logout((logout) -> logout.logoutUrl("/console/logout").logoutSuccessUrl(LOGIN + "?logout"))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
						+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

	private static PathPatternRequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

}

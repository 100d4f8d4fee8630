package io.cdottrials.gitlab.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.PropertySource;

/**
 * The small GitLab-side service that GitLab UI backends call for trial eligibility. Its
 * defaults are in {@code gitlab-service.properties}, not in an {@code application.yml},
 * so that they never configure another application that shares its class path.
 */
// no users and passwords: the one credential is the admin Bearer token
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@PropertySource("classpath:gitlab-service.properties")
public class GitlabClientApplication {

	public static void main(String[] args) {
		SpringApplication.run(GitlabClientApplication.class, args);
	}

}

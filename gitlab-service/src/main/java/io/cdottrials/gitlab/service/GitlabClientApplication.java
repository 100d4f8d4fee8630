package io.cdottrials.gitlab.service;

import java.util.Map;

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
		SpringApplication application = new SpringApplication(GitlabClientApplication.class);
		// production logs are JSON (Elastic Common Schema) with the trace id. Default
		// properties, not in gitlab-service.properties, because the logging system starts
		// before a @PropertySource is read (so is the service name of each line). The
		// local run passes an empty format for plain text.
		application.setDefaultProperties(Map.of("logging.structured.format.console", "ecs",
				"logging.structured.ecs.service.name", "gitlab-client"));
		application.run(args);
	}

}

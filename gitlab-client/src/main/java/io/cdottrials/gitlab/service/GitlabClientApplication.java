package io.cdottrials.gitlab.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The small GitLab-side service that GitLab UI backends call for trial eligibility.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GitlabClientApplication {

	public static void main(String[] args) {
		SpringApplication.run(GitlabClientApplication.class, args);
	}

}

package io.cdottrials.cdot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * CustomersDot trials service. Every direct sub-package is one application module.
 * <p>
 * Boot's default in-memory user is left out: every caller authenticates with the static
 * credentials of {@code platform.SecurityConfiguration}, and a generated password would
 * only end up in the start-up log.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class CdotApplication {

	public static void main(String[] args) {
		SpringApplication.run(CdotApplication.class, args);
	}

}

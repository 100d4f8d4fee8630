package io.cdottrials.cdot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * CustomersDot trials service. Every direct sub-package is one application module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CdotApplication {

	public static void main(String[] args) {
		SpringApplication.run(CdotApplication.class, args);
	}

}

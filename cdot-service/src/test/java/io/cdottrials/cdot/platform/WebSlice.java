package io.cdottrials.cdot.platform;

import io.cdottrials.cdot.eligibility.EligibilityProperties;
import io.cdottrials.web.WebSupportAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;

/**
 * What a {@code @WebMvcTest} slice of this service needs beside its controller: the
 * service's own security (the same credential checks and 401 bodies as the running
 * service, not Boot's default login) and a meter registry and the settings for the web
 * layer's SLI counters. (A slice leaves the application's properties scan out.)
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
@ImportAutoConfiguration(WebSupportAutoConfiguration.class)
@EnableConfigurationProperties({ ApiCredentialProperties.class, AdminCredentialProperties.class,
		ZuoraCalloutCredentialProperties.class, EligibilityProperties.class })
public class WebSlice {

	@Bean
	MeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

	/**
	 * The credentials GitLab's API client sends, as the test configuration sets them.
	 * @return the {@code X-Admin-Email} and {@code X-Admin-Token} headers
	 */
	public static HttpHeaders gitlabHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Admin-Email", "gitlab@example.com");
		headers.set("X-Admin-Token", "test-gitlab-token");
		return headers;
	}

}

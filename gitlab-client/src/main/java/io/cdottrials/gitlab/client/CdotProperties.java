package io.cdottrials.gitlab.client;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this JVM reaches CustomersDot's GitLab API.
 *
 * @param baseUrl CDot's base URL, e.g. {@code http://localhost:8080}; its presence turns
 * the client on
 * @param adminEmail sent as {@code X-Admin-Email}
 * @param adminToken sent as {@code X-Admin-Token}
 * @param webhookSecret shared secret that verifies CDot's {@code X-CDot-Signature}
 * @param connectTimeout the longest wait for a TCP connection to CDot
 * @param readTimeout the longest wait for CDot's answer once connected
 */
@ConfigurationProperties("gitlab.cdot")
public record CdotProperties(URI baseUrl, @DefaultValue("") String adminEmail, @DefaultValue("") String adminToken,
		@DefaultValue("") String webhookSecret, @DefaultValue("500ms") Duration connectTimeout,
		@DefaultValue("2s") Duration readTimeout) {
}

package io.cdottrials.cdot.catalog.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Zuora's REST API is and how to reach it.
 *
 * @param baseUrl Zuora REST base URL, e.g. {@code https://rest.zuora.com}
 * @param clientId OAuth client id (client credentials)
 * @param clientSecret OAuth client secret
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 */
@ConfigurationProperties("cdot.zuora")
public record ZuoraApiProperties(@DefaultValue("https://rest.zuora.com") String baseUrl, @Nullable String clientId,
		@Nullable String clientSecret, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("30s") Duration readTimeout) {

	boolean credentialsConfigured() {
		return this.clientId != null && !this.clientId.isBlank() && this.clientSecret != null
				&& !this.clientSecret.isBlank();
	}

}

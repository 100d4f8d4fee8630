package io.cdottrials.cdot.catalog.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * OAuth client-credentials tokens for Zuora ({@code POST /oauth/token}), reused until a
 * minute before they expire.
 */
public class ZuoraAccessTokens implements Supplier<String> {

	private static final Duration EXPIRY_MARGIN = Duration.ofMinutes(1);

	private final RestClient restClient;

	private final String clientId;

	private final String clientSecret;

	private final Clock clock;

	private @Nullable String token;

	private Instant renewAt = Instant.MIN;

	public ZuoraAccessTokens(RestClient restClient, String clientId, String clientSecret, Clock clock) {
		this.restClient = restClient;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		this.clock = clock;
	}

	/**
	 * Drops the cached token, so the next request asks for a new one.
	 */
	public synchronized void forget() {
		this.token = null;
	}

	@Override
	public synchronized String get() {
		Instant now = this.clock.instant();
		if (this.token == null || !now.isBefore(this.renewAt)) {
			MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
			form.add("client_id", this.clientId);
			form.add("client_secret", this.clientSecret);
			form.add("grant_type", "client_credentials");
			TokenResponse response = this.restClient.post()
				.uri("/oauth/token")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form)
				.retrieve()
				.body(TokenResponse.class);
			if (response == null || response.accessToken() == null) {
				throw new RestClientException("Zuora answered no access token");
			}
			this.token = response.accessToken();
			this.renewAt = now.plusSeconds(response.expiresIn()).minus(EXPIRY_MARGIN);
		}
		return this.token;
	}

	record TokenResponse(@JsonProperty("access_token") @Nullable String accessToken,
			@JsonProperty("expires_in") long expiresIn) {
	}

}

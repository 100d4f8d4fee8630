package io.cdottrials.cdot.catalog.internal.zuora;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Zuora OAuth access tokens by client credentials, reused until shortly before they
 * expire and renewed when Zuora stops accepting one. A failed token request throws
 * {@link ZuoraException}; Zuora unreachable throws the {@link RestClient}'s
 * {@link org.springframework.web.client.ResourceAccessException}.
 */
public final class ZuoraTokenProvider {

	private static final String TOKEN_REQUEST = "POST /oauth/token";

	private final RestClient restClient;

	private final ZuoraLinks links;

	private final String clientId;

	private final String clientSecret;

	private final Duration expirySkew;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	private @Nullable AccessToken current;

	ZuoraTokenProvider(RestClient restClient, ZuoraLinks links, String clientId, String clientSecret,
			Duration expirySkew, JsonMapper jsonMapper, Clock clock) {
		this.restClient = restClient;
		this.links = links;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		this.expirySkew = expirySkew;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	/**
	 * A valid access token: the current one, or a new one when there is none or it is due
	 * for renewal.
	 * @return the token
	 */
	public synchronized String token() {
		AccessToken token = this.current;
		if (token == null || !this.clock.instant().isBefore(token.renewAt())) {
			token = requestToken();
			this.current = token;
		}
		return token.value();
	}

	/**
	 * Forgets a token Zuora refused, so that the next {@link #token()} asks for a new
	 * one.
	 * @param refused the token Zuora answered 401 to
	 */
	public synchronized void invalidate(String refused) {
		if (this.current != null && this.current.value().equals(refused)) {
			this.current = null;
		}
	}

	/**
	 * Forgets the current token, so that the next {@link #token()} asks for a new one (a
	 * run of writes that must not start with a token revoked since the last run).
	 */
	public synchronized void renew() {
		this.current = null;
	}

	private AccessToken requestToken() {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		form.add("client_id", this.clientId);
		form.add("client_secret", this.clientSecret);
		Instant requestedAt = this.clock.instant();
		JsonNode body = this.restClient.post()
			.uri(this.links.resolve("/oauth/token"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(MediaType.APPLICATION_JSON)
			.body(form)
			.exchange((request, response) -> {
				if (response.getStatusCode().value() == 401 || response.getStatusCode().value() == 400) {
					throw new ZuoraException(TOKEN_REQUEST + " answered HTTP " + response.getStatusCode().value()
							+ ": Zuora refused the client credentials");
				}
				return ZuoraResponses.read(response, TOKEN_REQUEST, this.jsonMapper);
			});
		String value = text(body.path("access_token"));
		if (value == null || value.isBlank()) {
			throw new ZuoraException(TOKEN_REQUEST + " answered without an access_token");
		}
		Duration lifetime = Duration.ofSeconds(body.path("expires_in").asLong(3600));
		Duration reuse = lifetime.minus(this.expirySkew);
		if (reuse.isNegative()) {
			reuse = Duration.ZERO;
		}
		return new AccessToken(value, requestedAt.plus(reuse));
	}

	private static @Nullable String text(JsonNode value) {
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		return value.isString() ? value.stringValue() : value.toString();
	}

	private record AccessToken(String value, Instant renewAt) {
	}

}

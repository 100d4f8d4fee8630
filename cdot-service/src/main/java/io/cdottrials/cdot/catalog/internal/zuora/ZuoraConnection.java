package io.cdottrials.cdot.catalog.internal.zuora;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * How the service talks to Zuora's REST API, for the catalog sync and the classification
 * backfill alike: a {@link RestClient} with the configured connect and read timeouts,
 * links resolved against {@code cdot.zuora.base-url}, and OAuth access tokens by client
 * credentials ({@link ZuoraTokenProvider}).
 */
public final class ZuoraConnection {

	private final RestClient restClient;

	private final ZuoraLinks links;

	private final ZuoraTokenProvider tokens;

	private ZuoraConnection(RestClient restClient, ZuoraLinks links, ZuoraTokenProvider tokens) {
		this.restClient = restClient;
		this.links = links;
		this.tokens = tokens;
	}

	/**
	 * Whether base URL and client credentials are all configured.
	 * @param properties {@code cdot.zuora.*}
	 * @return {@code true} if {@link #create} can connect
	 */
	public static boolean configured(ZuoraProperties properties) {
		return hasText(properties.baseUrl()) && hasText(properties.clientId()) && hasText(properties.clientSecret());
	}

	/**
	 * Creates the connection from its configuration.
	 * @param properties {@code cdot.zuora.*}
	 * @param builder a fresh {@link RestClient} builder (observed: HTTP client metrics)
	 * @param jsonMapper reads Zuora's JSON
	 * @param clock decides when a token is due for renewal
	 * @param neededFor what needs the connection, for the message of a missing property
	 * @return the connection
	 * @throws IllegalStateException when the base URL or a client credential is missing
	 */
	public static ZuoraConnection create(ZuoraProperties properties, RestClient.Builder builder, JsonMapper jsonMapper,
			Clock clock, String neededFor) {
		String baseUrl = required(properties.baseUrl(), "cdot.zuora.base-url", neededFor);
		String clientId = required(properties.clientId(), "cdot.zuora.client-id", neededFor);
		String clientSecret = required(properties.clientSecret(), "cdot.zuora.client-secret", neededFor);
		// a redirect would resend the client secret or the bearer token to another host
		HttpClientSettings settings = HttpClientSettings.defaults()
			.withTimeouts(properties.connectTimeout(), properties.readTimeout())
			.withRedirects(HttpRedirects.DONT_FOLLOW);
		// HTTP/1.1 as the service has always spoken to Zuora: no h2c upgrade on a
		// plain-http base URL
		ClientHttpRequestFactory requestFactory = ClientHttpRequestFactoryBuilder.jdk()
			.withHttpClientCustomizer((client) -> client.version(HttpClient.Version.HTTP_1_1))
			.build(settings);
		RestClient restClient = builder.requestFactory(requestFactory).build();
		ZuoraLinks links = new ZuoraLinks(baseUrl);
		ZuoraTokenProvider tokens = new ZuoraTokenProvider(restClient, links, clientId, clientSecret,
				properties.tokenExpirySkew(), jsonMapper, clock);
		return new ZuoraConnection(restClient, links, tokens);
	}

	private static String required(@Nullable String value, String property, String neededFor) {
		if (!hasText(value)) {
			throw new IllegalStateException(property + " is required " + neededFor);
		}
		return value;
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	/**
	 * The client to send requests with; it has no base URL, requests take an absolute
	 * {@link #resolve resolved} URI.
	 * @return the client
	 */
	public RestClient restClient() {
		return this.restClient;
	}

	/**
	 * Resolves a Zuora path or link against the base URL.
	 * @param link a path such as {@code /v1/catalog/products} or an absolute URL
	 * @return the absolute URI
	 */
	public URI resolve(String link) {
		return this.links.resolve(link);
	}

	/**
	 * The access tokens of this connection.
	 * @return the token provider
	 */
	public ZuoraTokenProvider tokens() {
		return this.tokens;
	}

}

package io.cdottrials.cdot.catalog.internal.zuora;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Writes to Zuora's object API: {@code PUT /v1/object/product-rate-plan/{id}} with the
 * custom field values, authenticated with an OAuth bearer token of the same
 * {@link ZuoraConnection} setup the catalog sync reads through. Zuora may answer HTTP 200
 * with {@code "Success": false}; that is a failure too.
 */
public class ZuoraObjectClient {

	private final @Nullable ZuoraConnection connection;

	/**
	 * Creates a client.
	 * @param connection Zuora's REST API, {@code null} when {@code cdot.zuora.*} lacks
	 * the base URL or a client credential
	 */
	public ZuoraObjectClient(@Nullable ZuoraConnection connection) {
		this.connection = connection;
	}

	/**
	 * Whether base URL and client credentials are configured, so that writes can be sent.
	 * @return {@code true} if they are
	 */
	public boolean configured() {
		return this.connection != null;
	}

	/**
	 * Starts a batch of writes with a fresh token, so that a run never starts with a
	 * token revoked since the last one.
	 */
	public void renewToken() {
		connection().tokens().renew();
	}

	/**
	 * Updates fields of one product rate plan.
	 * @param ratePlanId Zuora id of the product rate plan
	 * @param fields Zuora field names and values
	 * @throws ZuoraWriteException when Zuora refuses or cannot be reached
	 */
	public void updateProductRatePlan(String ratePlanId, Map<String, Object> fields) {
		ZuoraConnection connection = connection();
		String token;
		try {
			token = connection.tokens().token();
		}
		catch (ZuoraException ex) {
			throw new ZuoraWriteException("No access token: " + ex.getMessage(), ex);
		}
		catch (RestClientException ex) {
			throw new ZuoraWriteException("Zuora could not be reached: " + ex.getMessage(), ex);
		}
		URI uri = UriComponentsBuilder.fromUri(connection.resolve("/v1/object/product-rate-plan"))
			.pathSegment("{id}")
			.buildAndExpand(ratePlanId)
			.encode()
			.toUri();
		ObjectResponse response;
		try {
			response = connection.restClient()
				.put()
				.uri(uri)
				.headers((headers) -> headers.setBearerAuth(token))
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.body(fields)
				.retrieve()
				.body(ObjectResponse.class);
		}
		catch (RestClientResponseException ex) {
			String body = ex.getResponseBodyAsString();
			throw new ZuoraWriteException("Zuora answered " + ex.getStatusCode().value()
					+ (body.isBlank() ? "" : ": " + body.substring(0, Math.min(body.length(), 300))), ex);
		}
		catch (RestClientException ex) {
			throw new ZuoraWriteException("Zuora could not be reached: " + ex.getMessage(), ex);
		}
		if (response == null || !response.success()) {
			String errors = (response != null && response.errors() != null) ? response.errors()
				.stream()
				.map((error) -> error.code() + ": " + error.message())
				.reduce((a, b) -> a + "; " + b)
				.orElse("") : "";
			throw new ZuoraWriteException("Zuora refused the update" + (errors.isEmpty() ? "" : ": " + errors), null);
		}
	}

	private ZuoraConnection connection() {
		if (this.connection == null) {
			throw new IllegalStateException("Zuora is not configured (cdot.zuora.base-url, client-id, client-secret)");
		}
		return this.connection;
	}

	record ObjectResponse(@JsonProperty("Success") boolean success, @JsonProperty("Id") @Nullable String id,
			@JsonProperty("Errors") @Nullable List<ObjectError> errors) {
	}

	record ObjectError(@JsonProperty("Code") @Nullable String code, @JsonProperty("Message") @Nullable String message) {
	}

	/** Zuora refused a write or could not be reached. */
	public static class ZuoraWriteException extends RuntimeException {

		ZuoraWriteException(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

}

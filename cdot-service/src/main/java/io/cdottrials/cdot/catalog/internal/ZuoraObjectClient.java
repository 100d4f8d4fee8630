package io.cdottrials.cdot.catalog.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Writes to Zuora's object API: {@code PUT /v1/object/product-rate-plan/{id}} with the
 * custom field values, authenticated with an OAuth bearer token. Zuora may answer HTTP
 * 200 with {@code "Success": false}; that is a failure too.
 */
public class ZuoraObjectClient {

	private final RestClient restClient;

	private final Supplier<String> accessTokens;

	/**
	 * Creates a client.
	 * @param restClientBuilder a builder to derive the client from
	 * @param baseUrl Zuora REST base URL
	 * @param accessTokens answers a valid OAuth access token
	 */
	public ZuoraObjectClient(RestClient.Builder restClientBuilder, String baseUrl, Supplier<String> accessTokens) {
		this.restClient = restClientBuilder.baseUrl(baseUrl).build();
		this.accessTokens = accessTokens;
	}

	/**
	 * Starts a batch of writes with a fresh token, so that a run never starts with a
	 * token revoked since the last one.
	 */
	public void renewToken() {
		if (this.accessTokens instanceof ZuoraAccessTokens tokens) {
			tokens.forget();
		}
	}

	/**
	 * Updates fields of one product rate plan.
	 * @param ratePlanId Zuora id of the product rate plan
	 * @param fields Zuora field names and values
	 * @throws ZuoraWriteException when Zuora refuses or cannot be reached
	 */
	public void updateProductRatePlan(String ratePlanId, Map<String, Object> fields) {
		ObjectResponse response;
		try {
			response = this.restClient.put()
				.uri("/v1/object/product-rate-plan/{id}", ratePlanId)
				.headers((headers) -> headers.setBearerAuth(this.accessTokens.get()))
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

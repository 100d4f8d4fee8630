package io.cdottrials.cdot.catalog.internal.zuora;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Turns Zuora's answers into JSON or into the failure they mean: 429 and 5xx are worth
 * retrying, 401 means the token is no longer good, any other error and an HTTP 200 with
 * {@code "success": false} fail the read.
 */
public final class ZuoraResponses {

	private ZuoraResponses() {
	}

	public static JsonNode read(ClientHttpResponse response, String request, JsonMapper jsonMapper) throws IOException {
		HttpStatusCode status = response.getStatusCode();
		if (status.value() == 401) {
			throw new ZuoraUnauthorizedException(request + " answered HTTP 401");
		}
		if (status.value() == 429 || status.is5xxServerError()) {
			throw new ZuoraRetryableException(request, status.value(),
					retryAfter(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
		}
		if (!status.is2xxSuccessful()) {
			throw new ZuoraException(request + " answered HTTP " + status.value() + ": " + excerpt(response.getBody()));
		}
		JsonNode body;
		try {
			body = jsonMapper.readTree(response.getBody());
		}
		catch (JacksonException ex) {
			throw new ZuoraException(request + " answered something that is not JSON", ex);
		}
		return requireSuccess(body, request);
	}

	public static JsonNode requireSuccess(JsonNode body, String request) {
		if (body.path("success").isBoolean() && !body.path("success").booleanValue()) {
			throw new ZuoraException(request + " answered \"success\": false: " + reasons(body));
		}
		return body;
	}

	private static String reasons(JsonNode body) {
		List<String> reasons = new ArrayList<>();
		for (JsonNode reason : body.path("reasons")) {
			reasons.add("[" + reason.path("code").asString("") + "] " + reason.path("message").asString(""));
		}
		return reasons.isEmpty() ? "no reasons given" : String.join("; ", reasons);
	}

	static @Nullable Duration retryAfter(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(Instant.now(), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException unreadable) {
				return null;
			}
		}
	}

	private static String excerpt(InputStream body) throws IOException {
		String text = new String(body.readNBytes(300), StandardCharsets.UTF_8).strip();
		return text.isEmpty() ? "(no body)" : text;
	}

	/** Zuora no longer accepts the access token. */
	public static final class ZuoraUnauthorizedException extends ZuoraException {

		ZuoraUnauthorizedException(String message) {
			super(message);
		}

	}

	/** Zuora is busy (429) or failing (5xx): worth another attempt. */
	public static final class ZuoraRetryableException extends ZuoraException {

		private final int status;

		private final transient @Nullable Duration retryAfter;

		ZuoraRetryableException(String request, int status, @Nullable Duration retryAfter) {
			super(request + " answered HTTP " + status);
			this.status = status;
			this.retryAfter = retryAfter;
		}

		public int status() {
			return this.status;
		}

		public @Nullable Duration retryAfter() {
			return this.retryAfter;
		}

	}

}

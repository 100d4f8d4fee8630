package io.cdottrials.cdot.catalog.internal.zuora;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Zuora's REST API, for the catalog source and the classification backfill alike
 * ({@link ZuoraConnection}). Base URL and client credentials are required when
 * {@code cdot.catalog.source=zuora}; without them a backfill that would write answers
 * 503. The callout credentials on the same prefix belong to the platform's security
 * configuration.
 *
 * @param baseUrl e.g. {@code https://rest.zuora.com}
 * @param clientId OAuth client id
 * @param clientSecret OAuth client secret
 * @param pageSize products per page of {@code GET /v1/catalog/products} (Zuora allows up
 * to 40)
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 * @param tokenExpirySkew how long before its expiry an access token is renewed
 * @param retry retries of a request Zuora answered with 429 or 5xx, or that timed out
 */
@Validated
@ConfigurationProperties("cdot.zuora")
public record ZuoraProperties(@Nullable String baseUrl, @Nullable String clientId, @Nullable String clientSecret,
		@DefaultValue("40") @Min(1) @Max(40) int pageSize, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("30s") Duration readTimeout, @DefaultValue("60s") Duration tokenExpirySkew,
		@DefaultValue @Valid Retry retry) {

	/**
	 * Retries with exponential backoff and jitter; a {@code Retry-After} header of Zuora
	 * replaces the computed wait (up to {@code maxBackoff}).
	 *
	 * @param maxAttempts attempts of one request, the first included
	 * @param initialBackoff wait before the first retry
	 * @param multiplier growth of the wait from one retry to the next
	 * @param jitter randomisation of each wait, 0 to 1 (0.5 waits between half and one
	 * and a half times the computed wait)
	 * @param maxBackoff longest wait, also the cap of {@code Retry-After}
	 */
	public record Retry(@DefaultValue("4") @Min(1) int maxAttempts, @DefaultValue("500ms") Duration initialBackoff,
			@DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
			@DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax(value = "1.0", inclusive = false) double jitter,
			@DefaultValue("30s") Duration maxBackoff) {
	}

}

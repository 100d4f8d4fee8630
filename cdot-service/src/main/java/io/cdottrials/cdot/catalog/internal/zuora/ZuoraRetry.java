package io.cdottrials.cdot.catalog.internal.zuora;

import io.cdottrials.cdot.catalog.internal.zuora.ZuoraResponses.ZuoraRetryableException;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import org.springframework.web.client.ResourceAccessException;

/**
 * Resilience4j retry of one Zuora request: 429, 5xx and I/O failures (timeouts, refused
 * connections) are retried with exponential backoff and jitter; Zuora's
 * {@code Retry-After} replaces the computed wait, capped at the longest backoff.
 */
public final class ZuoraRetry {

	private ZuoraRetry() {
	}

	public static Retry of(ZuoraProperties.Retry settings) {
		IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(),
				settings.multiplier(), settings.jitter(), settings.maxBackoff());
		long maxWait = settings.maxBackoff().toMillis();
		IntervalBiFunction<Object> wait = (attempt, outcome) -> {
			if (outcome.isLeft() && outcome.getLeft() instanceof ZuoraRetryableException retryable
					&& retryable.retryAfter() != null) {
				return Math.min(retryable.retryAfter().toMillis(), maxWait);
			}
			return backoff.apply(attempt);
		};
		RetryConfig config = RetryConfig.custom()
			.maxAttempts(Math.max(1, settings.maxAttempts()))
			.intervalBiFunction(wait)
			.retryOnException((ex) -> ex instanceof ZuoraRetryableException || ex instanceof ResourceAccessException)
			.build();
		return Retry.of("zuora-catalog", config);
	}

	public static int attempts(Retry retry) {
		return retry.getRetryConfig().getMaxAttempts();
	}

}

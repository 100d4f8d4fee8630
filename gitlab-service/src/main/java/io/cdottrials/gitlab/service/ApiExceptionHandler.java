package io.cdottrials.gitlab.service;

import java.time.Duration;

import io.cdottrials.gitlab.client.CdotUnavailableException;
import io.cdottrials.gitlab.client.EligibilityCacheUnavailableException;
import io.cdottrials.gitlab.client.TrialApplicationRejectedException;
import io.cdottrials.web.ApiExceptionAdvice;
import io.cdottrials.web.ApiProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The GitLab side's own error answers, beside what {@link ApiExceptionAdvice} shares with
 * CDot: CDot's refusals are relayed with CDot's status and body; CDot or Redis being
 * unreachable is a 503, never a 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ApiExceptionAdvice {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

	@Override
	protected String typeMismatchError(String name) {
		// every path variable of this service is a namespace id
		return "'" + name + "' must be a positive integer";
	}

	@ExceptionHandler
	ResponseEntity<Object> handleRejected(TrialApplicationRejectedException ex) {
		Object body = ex.body().isEmpty() ? ApiProblems.of(HttpStatusCode.valueOf(ex.status()), ex.errors())
				: ex.body();
		return ResponseEntity.status(ex.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleCdotUnavailable(CdotUnavailableException ex) {
		logger.warn("CDot unavailable: {}", ex.getMessage());
		return unavailable("CDot is unavailable, try again later", RETRY_AFTER);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleCacheUnavailable(EligibilityCacheUnavailableException ex) {
		logger.warn("Eligibility cache unavailable: {}", ex.getMessage());
		return unavailable("The eligibility cache is unavailable, try again later", RETRY_AFTER);
	}

}

package io.cdottrials.gitlab.service;

import java.util.List;
import java.util.Map;

import io.cdottrials.gitlab.client.CdotUnavailableException;
import io.cdottrials.gitlab.client.EligibilityCacheUnavailableException;
import io.cdottrials.gitlab.client.TrialApplicationRejectedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place that turns exceptions into HTTP answers: problem details with
 * {@code "success": false} and {@code errors}. CDot's refusals are relayed with CDot's
 * status and body; CDot or Redis being unreachable is a 503, never a 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleApiException(ApiException ex) {
		return ResponseEntity.status(ex.status()).body(ApiProblems.of(ex.status(), ex.errors()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
		return ResponseEntity.badRequest()
			.body(ApiProblems.of(HttpStatus.BAD_REQUEST, List.of("'" + ex.getName() + "' must be a positive integer")));
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
		return unavailable("CDot is unavailable, try again later");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleCacheUnavailable(EligibilityCacheUnavailableException ex) {
		logger.warn("Eligibility cache unavailable: {}", ex.getMessage());
		return unavailable("The eligibility cache is unavailable, try again later");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
		logger.error("Unexpected error while handling a request", ex);
		return ResponseEntity.internalServerError()
			.body(ApiProblems.of(HttpStatus.INTERNAL_SERVER_ERROR, List.of("An unexpected error occurred")));
	}

	private static ResponseEntity<ProblemDetail> unavailable(String error) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "30")
			.body(ApiProblems.of(HttpStatus.SERVICE_UNAVAILABLE, List.of(error)));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			Map<String, Object> properties = problem.getProperties();
			if (properties == null || !properties.containsKey("errors")) {
				String detail = (problem.getDetail() != null) ? problem.getDetail() : problem.getTitle();
				ApiProblems.withErrors(problem, List.of((detail != null) ? detail : "Bad request"));
			}
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

}

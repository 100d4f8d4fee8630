package io.cdottrials.cdot.platform;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place that turns exceptions into HTTP answers. Every answer is problem details
 * with {@code "success": false} and {@code errors}; nothing a client sends ends in a 500,
 * a database outage is a fast 503 with {@code Retry-After}, and the one 500 left (a bug
 * of ours) says nothing of the internals.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	/**
	 * A connection is waited for at most a second (Hikari's {@code connection-timeout}),
	 * so a retry two seconds later finds the database back or fails as fast again.
	 */
	private static final String DATASTORE_RETRY_AFTER_SECONDS = "2";

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleApiException(ApiException ex) {
		ProblemDetail problem = ApiProblems.of(ex.status(), ex.errors());
		ex.properties().forEach(problem::setProperty);
		return ResponseEntity.status(ex.status()).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
		String error = "'" + ex.getName() + "' has an invalid value";
		return ResponseEntity.badRequest().body(ApiProblems.of(HttpStatus.BAD_REQUEST, List.of(error)));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException ex) {
		List<String> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> snakeCase(violation.getPropertyPath().toString()) + " " + violation.getMessage())
			.sorted()
			.toList();
		return ResponseEntity.badRequest().body(ApiProblems.of(HttpStatus.BAD_REQUEST, errors));
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			RecoverableDataAccessException.class, CannotCreateTransactionException.class,
			TransactionSystemException.class })
	ResponseEntity<ProblemDetail> handleDatastoreUnavailable(Exception ex) {
		// expected during an outage and already counted by the health check: no stack
		// trace
		logger.warn("The database is unavailable: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, DATASTORE_RETRY_AFTER_SECONDS)
			.body(ApiProblems.of(HttpStatus.SERVICE_UNAVAILABLE,
					List.of("The service cannot reach its database; retry shortly")));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
		if (DatastoreFailures.isUnavailable(ex)) {
			// the outage reached us wrapped by a library (a flag store, the outbox)
			return handleDatastoreUnavailable(ex);
		}
		logger.error("Unexpected error while handling a request", ex);
		return ResponseEntity.internalServerError()
			.body(ApiProblems.of(HttpStatus.INTERNAL_SERVER_ERROR, List.of("An unexpected error occurred")));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<String> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> snakeCase(error.getField()) + " " + error.getDefaultMessage())
			.sorted()
			.toList();
		return ResponseEntity.status(status).headers(headers).body(ApiProblems.of(status, errors));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(ApiProblems.of(HttpStatus.BAD_REQUEST, List.of(unreadable(ex))));
	}

	/**
	 * Says what is wrong with a body that could not be read, in the body's own JSON
	 * names, without internals (class names) of ours.
	 */
	private static String unreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof StreamReadException parse) {
			String message = String.valueOf(parse.getOriginalMessage()).lines().findFirst().orElse("");
			return "Malformed JSON request body: " + abbreviate(message);
		}
		if (cause instanceof JacksonException mismatch) {
			String path = jsonPath(mismatch.getPath());
			return path.isEmpty() ? "The JSON request body does not have the documented shape"
					: "'" + path + "' has an invalid value or type";
		}
		return "The request body is missing or not readable";
	}

	private static String jsonPath(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String abbreviate(String text) {
		return (text.length() > 160) ? text.substring(0, 160) + "..." : text;
	}

	/**
	 * {@code items[0].productRatePlanId} becomes {@code items[0].product_rate_plan_id}.
	 */
	private static String snakeCase(String field) {
		return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
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

package io.cdottrials.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place that turns exceptions into HTTP answers, for both services: every answer
 * is problem details with {@code "success": false} and {@code errors}; nothing a client
 * sends ends in a 500, and the one 500 left (a bug of ours) says nothing of the
 * internals. {@link ApiException} and Spring MVC's own exceptions need no handler here.
 * <p>
 * A service subclasses it as its {@code @RestControllerAdvice} and adds an
 * {@code @ExceptionHandler} per exception of its own, answering with
 * {@link #problem(HttpStatusCode, List, HttpHeaders)} or
 * {@link #unavailable(String, Duration)}.
 */
public abstract class ApiExceptionAdvice extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionAdvice.class);

	/**
	 * Answers with a problem of the given status, errors and headers: the extension point
	 * for a service's own exceptions.
	 * @param status the status
	 * @param errors readable errors, without internals
	 * @param headers extra headers, e.g. {@code Retry-After}
	 * @return the answer
	 */
	protected static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, List<String> errors,
			HttpHeaders headers) {
		return ResponseEntity.status(status).headers(headers).body(ApiProblems.of(status, errors));
	}

	/**
	 * A dependency of ours is down: 503 with {@code Retry-After}, so clients retry later.
	 * @param error what is unavailable
	 * @param retryAfter when to try again
	 * @return the answer
	 */
	protected static ResponseEntity<ProblemDetail> unavailable(String error, Duration retryAfter) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
		return problem(HttpStatus.SERVICE_UNAVAILABLE, List.of(error), headers);
	}

	/**
	 * The error for a path variable or parameter that is not of its type.
	 * @param name the parameter's name
	 * @return the error
	 */
	protected String typeMismatchError(String name) {
		return "'" + name + "' has an invalid value";
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
		return badRequest(typeMismatchError(ex.getName()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException ex) {
		List<String> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> snakeCase(propertyPath(violation.getPropertyPath())) + " " + violation.getMessage())
			.sorted()
			.toList();
		return problem(HttpStatus.BAD_REQUEST, errors, HttpHeaders.EMPTY);
	}

	/**
	 * Tomcat parses parameters when they are first asked for; a malformed
	 * percent-encoding or too large a form fails there, inside a controller or filter.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleInvalidParameters(InvalidParameterException ex) {
		HttpStatus status = HttpStatus.resolve(ex.getErrorCode());
		if (status == HttpStatus.CONTENT_TOO_LARGE) {
			return problem(status, List.of("The form body is too large"), HttpHeaders.EMPTY);
		}
		return badRequest("The query string or form body is not valid percent-encoded UTF-8");
	}

	/**
	 * Spring Security's firewall checks parameters when they are first asked for, too.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleRejected(RequestRejectedException ex) {
		return badRequest(ProblemRequestRejectedHandler.ERROR);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleMultipart(MultipartException ex) {
		return badRequest("The multipart body could not be read");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
		return unexpected(ex);
	}

	/**
	 * Answers an exception no handler names: a 500 that says nothing of the internals. A
	 * service overrides it to recognise what a library wrapped (a datastore outage inside
	 * a flag store's exception, say) before falling back to this.
	 * @param ex the exception
	 * @return the answer
	 */
	protected ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		logger.error("Unexpected error while handling a request", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, List.of("An unexpected error occurred"), HttpHeaders.EMPTY);
	}

	private static ResponseEntity<ProblemDetail> badRequest(String error) {
		return problem(HttpStatus.BAD_REQUEST, List.of(error), HttpHeaders.EMPTY);
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
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<String> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> parameterName(result) + " " + error.getDefaultMessage()))
			.sorted()
			.toList();
		HttpStatusCode answer = status.is5xxServerError() ? HttpStatus.BAD_REQUEST : status;
		return ResponseEntity.status(answer).headers(headers).body(ApiProblems.of(answer, errors));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(ApiProblems.of(HttpStatus.BAD_REQUEST, List.of(unreadable(ex))));
	}

	/**
	 * The name the client used: the {@code @PathVariable} or {@code @RequestParam} name.
	 */
	private static String parameterName(ParameterValidationResult result) {
		MethodParameter parameter = result.getMethodParameter();
		PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
		if (path != null && !path.value().isEmpty()) {
			return path.value();
		}
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null && !param.value().isEmpty()) {
			return param.value();
		}
		String name = parameter.getParameterName();
		return (name != null) ? snakeCase(name) : "argument " + parameter.getParameterIndex();
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
	/**
	 * The path a client knows: a method validation's path starts with the controller
	 * method's name ({@code apply.namespaceId}), which is ours, not the request's.
	 */
	private static String propertyPath(Path path) {
		StringBuilder names = new StringBuilder();
		for (Path.Node node : path) {
			if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
				continue;
			}
			names.append(names.isEmpty() ? "" : ".").append(node);
		}
		return names.toString();
	}

	private static String snakeCase(String field) {
		return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

	/**
	 * Spring MVC's own exceptions (404, 405, 406, 415, ...) come here with a problem
	 * detail of their own; every one gets {@code success} and {@code errors} too.
	 */
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

package io.cdottrials.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;

/**
 * A failure that a client caused or must be told about. It is its own problem detail
 * ({@code "success": false}, readable {@code errors}, any extra properties), so Spring
 * MVC answers it without a handler of ours; code throws it (or a subclass) instead of
 * mapping its own errors to HTTP.
 */
public class ApiException extends ErrorResponseException {

	private final List<String> errors;

	public ApiException(HttpStatusCode status, List<String> errors) {
		this(status, errors, Map.of());
	}

	public ApiException(HttpStatusCode status, List<String> errors, Map<String, Object> properties) {
		super(status, ApiProblems.of(status, errors), null);
		this.errors = List.copyOf(errors);
		properties.forEach(getBody()::setProperty);
	}

	public static ApiException badRequest(String error) {
		return new ApiException(HttpStatus.BAD_REQUEST, List.of(error));
	}

	public static ApiException notFound(String error) {
		return new ApiException(HttpStatus.NOT_FOUND, List.of(error));
	}

	public static ApiException unprocessable(String error) {
		return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, List.of(error));
	}

	public List<String> errors() {
		return this.errors;
	}

	@Override
	public String getMessage() {
		return String.join("; ", this.errors);
	}

}

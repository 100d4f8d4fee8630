package io.cdottrials.cdot.platform;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure that a client caused or must be told about, answered as problem details with
 * {@code "success": false} and readable {@code errors}. Modules throw it (or a subclass)
 * instead of mapping their own errors to HTTP.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final List<String> errors;

	private final Map<String, Object> properties;

	public ApiException(HttpStatus status, List<String> errors) {
		this(status, errors, Map.of());
	}

	public ApiException(HttpStatus status, List<String> errors, Map<String, Object> properties) {
		super(String.join("; ", errors));
		this.status = status;
		this.errors = List.copyOf(errors);
		this.properties = Map.copyOf(properties);
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

	public HttpStatus status() {
		return this.status;
	}

	public List<String> errors() {
		return this.errors;
	}

	public Map<String, Object> properties() {
		return this.properties;
	}

}

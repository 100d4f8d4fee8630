package io.cdottrials.gitlab.service;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller must be told about, answered as problem details with
 * {@code "success": false} and readable {@code errors}.
 */
class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final List<String> errors;

	ApiException(HttpStatus status, List<String> errors) {
		super(String.join("; ", errors));
		this.status = status;
		this.errors = List.copyOf(errors);
	}

	static ApiException badRequest(String error) {
		return new ApiException(HttpStatus.BAD_REQUEST, List.of(error));
	}

	HttpStatus status() {
		return this.status;
	}

	List<String> errors() {
		return this.errors;
	}

}

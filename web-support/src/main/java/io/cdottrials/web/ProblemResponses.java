package io.cdottrials.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Writes a problem straight to the servlet response, for answers given outside Spring MVC
 * (the security filters, the firewall, the container's error page): whatever the client
 * accepts, the body is {@code application/problem+json}.
 */
public final class ProblemResponses {

	private final JsonMapper jsonMapper;

	public ProblemResponses(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Writes the problem unless the response is already committed.
	 * @param response the response
	 * @param status the status
	 * @param errors readable errors, without internals
	 * @throws IOException when the client went away
	 */
	public void write(HttpServletResponse response, HttpStatusCode status, List<String> errors) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.jsonMapper.writeValue(response.getOutputStream(), ApiProblems.of(status, errors));
	}

}

package io.cdottrials.web;

import java.io.IOException;
import java.util.List;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes a problem straight to the servlet response, for answers given outside Spring MVC
 * (the security filters, the firewall, the container's error page): whatever the client
 * accepts, the body is {@code application/problem+json}, with the request's
 * {@code trace_id} like every problem a controller answers
 * ({@link TraceIdProblemDetails}).
 */
public final class ProblemResponses {

	private final JsonMapper jsonMapper;

	private final Tracer tracer;

	public ProblemResponses(JsonMapper jsonMapper, Tracer tracer) {
		this.jsonMapper = jsonMapper;
		this.tracer = tracer;
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
		ProblemDetail problem = ApiProblems.of(status, errors);
		// the servlet's observation filter runs before the security filters, so a refused
		// request is in its trace too
		Span span = this.tracer.currentSpan();
		if (span != null) {
			problem.setProperty(TraceIdProblemDetails.TRACE_ID, span.context().traceId());
		}
		this.jsonMapper.writeValue(response.getOutputStream(), problem);
	}

}

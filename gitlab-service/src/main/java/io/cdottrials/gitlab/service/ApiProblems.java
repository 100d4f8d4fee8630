package io.cdottrials.gitlab.service;

import java.util.List;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The error body of every endpoint: RFC 9457 problem details that also carry
 * {@code "success": false} and a list of readable {@code errors}, like CDot's.
 */
final class ApiProblems {

	private ApiProblems() {
	}

	static ProblemDetail of(HttpStatusCode status, List<String> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, String.join("; ", errors));
		return withErrors(problem, errors);
	}

	static ProblemDetail withErrors(ProblemDetail problem, List<String> errors) {
		problem.setProperty("success", false);
		problem.setProperty("errors", errors);
		return problem;
	}

}

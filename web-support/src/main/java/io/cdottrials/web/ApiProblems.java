package io.cdottrials.web;

import java.util.List;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the error body every endpoint of both services answers with: RFC 9457 problem
 * details that also carry {@code "success": false} and a list of readable {@code errors},
 * the shape GitLab's subscription portal client already understands.
 */
public final class ApiProblems {

	private ApiProblems() {
	}

	public static ProblemDetail of(HttpStatusCode status, List<String> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, String.join("; ", errors));
		return withErrors(problem, errors);
	}

	public static ProblemDetail withErrors(ProblemDetail problem, List<String> errors) {
		problem.setProperty("success", false);
		problem.setProperty("errors", List.copyOf(errors));
		return problem;
	}

}

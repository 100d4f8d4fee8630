package io.cdottrials.web.test;

import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client must see for any request it got wrong: a 4xx RFC 9457 problem with
 * {@code "success": false} and readable {@code errors}, and nothing of our internals.
 */
public final class ProblemAssertions {

	/** A Java class name or a stack frame: {@code java.lang.}, {@code at io.x.Y.z(}. */
	private static final Pattern INTERNALS = Pattern
		.compile("(?:java|jakarta|javax|org\\.springframework|org\\.apache|tools\\.jackson|io\\.cdottrials)\\.[a-z]"
				+ "|\\bat [\\w.$]+\\(|Exception\\b|\"trace\"");

	private ProblemAssertions() {
	}

	/**
	 * Asserts the answer is a client-error problem with one of the given statuses.
	 * @param reply the answer
	 * @param statuses the acceptable statuses
	 */
	public static void assertClientProblem(RawHttp.Reply reply, int... statuses) {
		assertThat(reply.status()).as(reply.toString()).isIn(box(statuses));
		assertProblem(reply);
	}

	/**
	 * Asserts the answer is a problem body that leaks no internals.
	 * @param reply the answer
	 */
	public static void assertProblem(RawHttp.Reply reply) {
		assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
		JsonNode problem = reply.json();
		assertThat(problem).as(reply.toString()).isNotNull();
		assertThat(problem.path("success").isBoolean() && !problem.path("success").asBoolean()).as(reply.toString())
			.isTrue();
		assertThat(problem.path("errors").isArray() && !problem.path("errors").isEmpty()).as(reply.toString()).isTrue();
		assertNoInternals(reply);
	}

	/**
	 * Asserts a body names no class and carries no stack trace.
	 * @param reply the answer
	 */
	public static void assertNoInternals(RawHttp.Reply reply) {
		assertThat(INTERNALS.matcher(reply.body()).find()).as("internals in " + reply).isFalse();
	}

	private static Integer[] box(int[] values) {
		Integer[] boxed = new Integer[values.length];
		for (int i = 0; i < values.length; i++) {
			boxed[i] = values[i];
		}
		return boxed;
	}

}

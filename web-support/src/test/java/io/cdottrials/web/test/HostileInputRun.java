package io.cdottrials.web.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.assertj.core.api.SoftAssertions;

/**
 * Sends hostile requests to a running service and checks what a client would see: an HTTP
 * answer within {@link RawHttp#READ_TIMEOUT} (no hang), never a 5xx, every error a
 * problem with {@code "success": false}, and no class name or stack trace in any body.
 * Prints how many cases ran and the histogram of their statuses.
 */
public final class HostileInputRun {

	private HostileInputRun() {
	}

	/**
	 * Sends every request and asserts the answers.
	 * @param service the service's name, for the report
	 * @param port the service's port
	 * @param requests the requests
	 */
	public static void check(String service, int port, List<HostileRequest> requests) {
		Map<Integer, Integer> histogram = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		for (HostileRequest request : requests) {
			RawHttp.Reply reply = request.send(port);
			histogram.merge(reply.status(), 1, Integer::sum);
			SoftAssertions softly = new SoftAssertions();
			softly.assertThat(reply.status()).as("an HTTP answer below 500").isBetween(100, 499);
			softly.check(() -> {
				if (reply.status() >= 400) {
					ProblemAssertions.assertProblem(reply);
				}
				else {
					ProblemAssertions.assertNoInternals(reply);
				}
			});
			if (!softly.errorsCollected().isEmpty()) {
				failures.add(request + "\n  -> " + reply.status() + " " + reply.contentType() + " "
						+ abbreviate(reply.body()));
			}
		}
		System.out.println(service + ": " + requests.size() + " hostile requests, statuses " + histogram);
		if (!failures.isEmpty()) {
			throw new AssertionError(failures.size() + " of " + requests.size() + " hostile requests of " + service
					+ " were not answered with a 4xx problem (statuses " + histogram + "):\n"
					+ String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
		}
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
	}

}

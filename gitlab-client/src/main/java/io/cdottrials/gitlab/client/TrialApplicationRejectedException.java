package io.cdottrials.gitlab.client;

import java.util.List;
import java.util.Map;

/**
 * CDot refused a trial application: 422 when the namespace is not eligible, 400 when the
 * application was malformed. Carries CDot's status, errors and body so that they can be
 * relayed unchanged.
 */
public class TrialApplicationRejectedException extends RuntimeException {

	private final int status;

	private final List<String> errors;

	private final Map<String, Object> body;

	public TrialApplicationRejectedException(int status, List<String> errors, Map<String, Object> body) {
		super("CDot rejected the trial application with " + status + ": " + String.join("; ", errors));
		this.status = status;
		this.errors = List.copyOf(errors);
		this.body = Map.copyOf(body);
	}

	/**
	 * CDot's HTTP status.
	 * @return 400 or 422
	 */
	public int status() {
		return this.status;
	}

	public List<String> errors() {
		return this.errors;
	}

	/**
	 * CDot's JSON body as it was received.
	 * @return the body's top-level properties
	 */
	public Map<String, Object> body() {
		return this.body;
	}

}

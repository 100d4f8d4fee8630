package io.cdottrials.launcher;

import java.util.List;

/**
 * How the services of the local run write their log.
 */
public enum LogFormat {

	/** Plain text lines for a person at a terminal: the launcher's choice. */
	PLAIN(List.of("--logging.structured.format.console=")),

	/**
	 * The production format, left to the jars' own defaults: one JSON object a line
	 * (Elastic Common Schema) with the trace id. What tests read.
	 */
	PRODUCTION_JSON(List.of());

	private final List<String> arguments;

	LogFormat(List<String> arguments) {
		this.arguments = arguments;
	}

	List<String> arguments() {
		return this.arguments;
	}

}

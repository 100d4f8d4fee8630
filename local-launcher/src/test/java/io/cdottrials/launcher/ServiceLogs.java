package io.cdottrials.launcher;

import java.util.List;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what a service wrote in the production log format: one JSON object (Elastic
 * Common Schema) a line. Lines that are not JSON (the JVM's own, a banner) are skipped.
 */
final class ServiceLogs {

	private static final JsonMapper json = JsonMapper.builder().build();

	private ServiceLogs() {
	}

	/**
	 * The log events of one trace.
	 * @param output the lines a service wrote
	 * @param traceId the W3C trace id (32 hex digits)
	 * @return the events carrying that trace id, oldest first
	 */
	static List<JsonNode> ofTrace(List<String> output, String traceId) {
		return output.stream()
			.filter((line) -> line.startsWith("{"))
			.map(ServiceLogs::parse)
			.filter(Objects::nonNull)
			.filter((event) -> traceId.equals(event.path("traceId").asString(null)))
			.toList();
	}

	static List<String> messages(List<JsonNode> events) {
		return events.stream().map((event) -> event.path("message").asString()).toList();
	}

	private static JsonNode parse(String line) {
		try {
			return json.readTree(line);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}

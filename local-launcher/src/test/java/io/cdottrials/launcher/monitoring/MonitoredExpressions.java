package io.cdottrials.launcher.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every PromQL expression operators rely on: the dashboard's panels and the alert and
 * recording rules.
 */
public final class MonitoredExpressions {

	private MonitoredExpressions() {
	}

	/**
	 * An expression and where it is read.
	 *
	 * @param source the panel or rule, for the failure message
	 * @param expression the PromQL as written
	 */
	public record Expression(String source, String expression) {

		@Override
		public String toString() {
			return this.source + ": " + this.expression.strip();
		}

	}

	public static List<Expression> dashboard(Path json) throws IOException {
		List<Expression> expressions = new ArrayList<>();
		collectPanels(JsonMapper.builder().build().readTree(Files.readString(json)).path("panels"), expressions);
		return expressions;
	}

	private static void collectPanels(JsonNode panels, List<Expression> expressions) {
		for (JsonNode panel : panels) {
			for (JsonNode target : panel.path("targets")) {
				expressions.add(new Expression(
						"panel \"" + panel.path("title").asString() + "\" (" + target.path("refId").asString() + ")",
						target.path("expr").asString()));
			}
			// panels of a collapsed row sit inside it
			collectPanels(panel.path("panels"), expressions);
		}
	}

	@SuppressWarnings("unchecked")
	public static List<Expression> rules(Path yaml) throws IOException {
		Map<String, Object> document = new Yaml().load(Files.readString(yaml));
		List<Expression> expressions = new ArrayList<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) document.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				String name = (rule.containsKey("alert") ? "alert " + rule.get("alert")
						: "record " + rule.get("record"));
				expressions.add(new Expression(name, String.valueOf(rule.get("expr"))));
			}
		}
		return expressions;
	}

}

package io.cdottrials.launcher.monitoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.cdottrials.launcher.TestRepository;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules as promtool sees them: valid, and each alert firing on its cause, quiet
 * without it and resolving ({@code ops/prometheus/tests/}); and as the on-call engineer
 * sees them: labelled with severity, service and owner, and linked to a runbook about
 * that alert.
 */
class AlertRulesTests {

	private static final Path PROMETHEUS = TestRepository.root().resolve("ops/prometheus");

	@Test
	void promtoolAcceptsTheRules() throws Exception {
		Promtool result = promtool(List.of("check", "rules", PROMETHEUS.resolve("rules.yml").toString()));

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("SUCCESS");
	}

	@Test
	void everyAlertFiresOnItsCauseStaysQuietWithoutItAndResolves() throws Exception {
		List<String> command = new ArrayList<>(List.of("test", "rules"));
		testFiles().forEach((file) -> command.add(file.toString()));

		Promtool result = promtool(command);

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).doesNotContain("FAILED");
		assertThat(alertsExpectedToFire()).as("alerts with a unit test where they fire")
			.containsExactlyInAnyOrderElementsOf(alerts().keySet());
	}

	@Test
	void everyAlertIsLabelledForRoutingAndLinksARunbookAboutIt() throws IOException {
		Map<String, Map<String, Object>> alerts = alerts();
		assertThat(alerts).hasSizeGreaterThanOrEqualTo(22);
		alerts.forEach((name, rule) -> {
			@SuppressWarnings("unchecked")
			Map<String, String> labels = (Map<String, String>) rule.get("labels");
			@SuppressWarnings("unchecked")
			Map<String, String> annotations = (Map<String, String>) rule.get("annotations");
			assertThat(labels).as(name).containsKeys("severity", "service", "owner");
			assertThat(labels.get("severity")).as(name).isIn("page", "ticket");
			assertThat(labels.get("owner")).as(name).isIn("growth", "provision");
			assertThat(labels.get("service")).as(name).isIn("cdot-service", "gitlab-client");
			Path runbook = TestRepository.root().resolve(annotations.get("runbook_url"));
			assertThat(runbook).as(name).isRegularFile();
			try {
				assertThat(Files.readString(runbook)).as(runbook.toString())
					.contains(name)
					.containsIgnoringCase(labels.get("owner"))
					.contains("## How to confirm", "## How to mitigate", "## How to verify the fix");
			}
			catch (IOException ex) {
				throw new AssertionError(ex);
			}
		});
	}

	@SuppressWarnings("unchecked")
	static Map<String, Map<String, Object>> alerts() throws IOException {
		Map<String, Object> document = new Yaml().load(Files.readString(PROMETHEUS.resolve("rules.yml")));
		Map<String, Map<String, Object>> alerts = new java.util.TreeMap<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) document.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				if (rule.containsKey("alert")) {
					alerts.put((String) rule.get("alert"), rule);
				}
			}
		}
		return alerts;
	}

	@SuppressWarnings("unchecked")
	private static Set<String> alertsExpectedToFire() throws IOException {
		Set<String> firing = new TreeSet<>();
		for (Path file : testFiles()) {
			Map<String, Object> document = new Yaml().load(Files.readString(file));
			for (Map<String, Object> test : (List<Map<String, Object>>) document.get("tests")) {
				for (Map<String, Object> check : (List<Map<String, Object>>) test.get("alert_rule_test")) {
					if (!((List<Object>) check.get("exp_alerts")).isEmpty()) {
						firing.add((String) check.get("alertname"));
					}
				}
			}
		}
		return firing;
	}

	private static List<Path> testFiles() throws IOException {
		try (Stream<Path> files = Files.list(PROMETHEUS.resolve("tests"))) {
			List<Path> yaml = files.filter((file) -> file.toString().endsWith(".yml")).sorted().toList();
			assertThat(yaml).isNotEmpty();
			return yaml;
		}
	}

	private static Promtool promtool(List<String> arguments) throws IOException, InterruptedException {
		PrometheusInstallation.ensureInstalled();
		List<String> command = new ArrayList<>();
		command.add(PrometheusInstallation.PROMTOOL.toString());
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("promtool finished").isTrue();
		return new Promtool(process.exitValue(), String.join(" ", command) + "\n" + output);
	}

	private record Promtool(int exitCode, String output) {
	}

}

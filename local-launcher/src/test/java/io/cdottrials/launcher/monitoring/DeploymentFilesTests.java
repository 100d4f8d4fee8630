package io.cdottrials.launcher.monitoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cdottrials.launcher.TestRepository;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files no test would otherwise run: the compose stack, the image's
 * Dockerfile and the GitLab CI pipeline, checked for what would break them.
 */
class DeploymentFilesTests {

	private static final Path ROOT = TestRepository.root();

	@Test
	void theComposeStackIsValidAndEveryReferenceResolves() throws Exception {
		Map<String, Object> compose = yaml(ROOT.resolve("docker-compose.yml"));
		Map<String, Map<String, Object>> services = map(compose.get("services"));
		assertThat(services).containsKeys("postgres", "redis", "cdot-service", "gitlab-client", "prometheus",
				"grafana");
		services.forEach((name, service) -> {
			DeploymentFilesTests.<Map<String, Object>>map(service.getOrDefault("depends_on", Map.of()))
				.forEach((dependency, condition) -> {
					assertThat(services).as(name + " depends on").containsKey(dependency);
					assertThat(condition).as(name + " waits for " + dependency)
						.containsEntry("condition", "service_healthy");
					assertThat(healthChecked(services.get(dependency))).as(dependency + " has a health check").isTrue();
				});
			for (Object volume : list(service.getOrDefault("volumes", List.of()))) {
				String source = ((String) volume).split(":")[0];
				if (source.startsWith("./")) {
					assertThat(ROOT.resolve(source)).as(name + " mounts").exists();
				}
			}
			if (service.containsKey("build")) {
				Map<String, Object> build = map(service.get("build"));
				assertThat(ROOT.resolve((String) build.get("dockerfile"))).as(name).isRegularFile();
				String module = (String) map(build.get("args")).get("MODULE");
				assertThat(ROOT.resolve(module).resolve("pom.xml")).as(name + "'s module").isRegularFile();
			}
		});
		// the plugin is optional; where it is installed, it has the last word
		if (commandWorks(List.of("docker", "compose", "version"))) {
			Result config = run(List.of("docker", "compose", "-f", "docker-compose.yml", "config", "-q"));
			assertThat(config.exitCode()).as(config.output()).isZero();
		}
	}

	@Test
	void theImageBuildsFromSourceInLayersAndRunsAsAnUnprivilegedUserCheckingReadiness() throws IOException {
		String dockerfile = Files.readString(ROOT.resolve("ops/Dockerfile"));

		assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jdk AS build$")
			.containsPattern("(?m)^FROM eclipse-temurin:17-jre$")
			.contains("./mvnw -B -q -DskipTests -pl \"${MODULE}\" -am package")
			.contains("java -Djarmode=tools -jar /tmp/app.jar extract --layers --launcher")
			.containsPattern("(?m)^USER app$")
			.contains("/actuator/health/readiness")
			.contains("org.springframework.boot.loader.launch.JarLauncher");
		assertThat(Files.readString(ROOT.resolve(".dockerignore"))).contains("**/target");
	}

	@Test
	void theCiPipelineRunsTheReadmesTestCommandAndEveryJobHasAStage() throws IOException {
		Map<String, Object> ci = yaml(ROOT.resolve(".gitlab-ci.yml"));
		List<Object> stages = list(ci.get("stages"));
		assertThat(stages).containsExactly("build", "test", "rules", "images");

		Map<String, Map<String, Object>> jobs = new java.util.TreeMap<>();
		ci.forEach((key, value) -> {
			if (!List.of("stages", "variables", "default", "workflow", "include").contains(key)
					&& !key.startsWith(".")) {
				jobs.put(key, map(value));
			}
		});
		assertThat(jobs).containsKeys("build", "test", "alert-rules", "images");
		jobs.forEach((name, job) -> assertThat(stages).as(name + "'s stage").contains(job.get("stage")));
		assertThat(list(jobs.get("test").get("script"))).as("the test job's commands").contains(readmeTestCommand());
		assertThat(list(jobs.get("alert-rules").get("script"))).anySatisfy(
				(command) -> assertThat((String) command).startsWith("promtool check rules ops/prometheus/rules.yml"))
			.anySatisfy((command) -> assertThat((String) command).contains("promtool test rules tests/*.yml"));
		assertThat(list(jobs.get("images").get("script"))).hasSize(2)
			.allSatisfy((command) -> assertThat((String) command).startsWith("docker build -f ops/Dockerfile"));
	}

	private static String readmeTestCommand() throws IOException {
		Matcher command = Pattern.compile("# run the tests \\(what CI runs\\)\\n(.+)\\n")
			.matcher(Files.readString(ROOT.resolve("README.md")));
		assertThat(command.find()).as("README names the test command").isTrue();
		String readme = command.group(1).strip();
		assertThat(Files.readString(ROOT.resolve(".ci/run"))).as(".ci/run runs it too").contains(readme);
		return readme;
	}

	private static boolean healthChecked(Map<String, Object> service) {
		if (service.containsKey("healthcheck")) {
			return true;
		}
		if (!service.containsKey("build")) {
			return false;
		}
		try {
			return Files.readString(ROOT.resolve((String) map(service.get("build")).get("dockerfile")))
				.contains("HEALTHCHECK");
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	private static boolean commandWorks(List<String> command) {
		try {
			return run(command).exitCode() == 0;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static Result run(List<String> command) throws IOException {
		Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
		try {
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
			return new Result(process.exitValue(), output);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IOException(ex);
		}
	}

	private static Map<String, Object> yaml(Path file) throws IOException {
		return new Yaml().load(Files.readString(file));
	}

	@SuppressWarnings("unchecked")
	private static <V> Map<String, V> map(Object value) {
		return (Map<String, V>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value) {
		return new ArrayList<>((List<Object>) value);
	}

	private record Result(int exitCode, String output) {
	}

}

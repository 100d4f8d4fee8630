package io.cdottrials.launcher.monitoring;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus (Debian's binary) of the test's own: loopback port, temporary
 * storage, the production scrape configuration ({@code ops/prometheus/prometheus.yml}:
 * job names, metrics paths, rule files) with the targets pointed at the running services
 * and every interval at 1 second. Stopped, and its storage deleted, on close.
 */
public final class PrometheusServer implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Process process;

	private final Path work;

	private final URI base;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private PrometheusServer(Process process, Path work, URI base) {
		this.process = process;
		this.work = work;
		this.base = base;
	}

	/**
	 * Starts Prometheus and waits until it is ready.
	 * @param opsPrometheus the repository's {@code ops/prometheus} directory
	 * @param targets each job name of the production configuration to the
	 * {@code host:port} to scrape instead
	 * @return the running server
	 * @throws IOException when it cannot start
	 */
	public static PrometheusServer start(Path opsPrometheus, Map<String, String> targets) throws IOException {
		PrometheusInstallation.ensureInstalled();
		Path work = Files.createTempDirectory("cdot-trials-prometheus");
		Path config = work.resolve("prometheus.yml");
		Files.writeString(config, testConfiguration(opsPrometheus, targets));
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process process = new ProcessBuilder(PrometheusInstallation.PROMETHEUS.toString(), "--config.file=" + config,
				"--storage.tsdb.path=" + work.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
				"--log.level=warn")
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("prometheus.log").toFile())
			.start();
		PrometheusServer server = new PrometheusServer(process, work, URI.create("http://127.0.0.1:" + port));
		try {
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(server::ready);
			return server;
		}
		catch (RuntimeException ex) {
			String log = Files.readString(work.resolve("prometheus.log"));
			server.close();
			throw new IllegalStateException("Prometheus did not become ready:\n" + log, ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static String testConfiguration(Path opsPrometheus, Map<String, String> targets) throws IOException {
		Yaml yaml = new Yaml();
		Map<String, Object> config = yaml.load(Files.readString(opsPrometheus.resolve("prometheus.yml")));
		Map<String, Object> global = new LinkedHashMap<>((Map<String, Object>) config.get("global"));
		global.put("scrape_interval", "1s");
		global.put("evaluation_interval", "1s");
		config.put("global", global);
		List<String> ruleFiles = new ArrayList<>();
		for (String ruleFile : (List<String>) config.get("rule_files")) {
			// the production path is where compose mounts ops/prometheus
			ruleFiles.add(opsPrometheus.resolve(Path.of(ruleFile).getFileName()).toString());
		}
		config.put("rule_files", ruleFiles);
		for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
			String target = targets.get((String) job.get("job_name"));
			if (target == null) {
				throw new IllegalArgumentException("No running service for job " + job.get("job_name"));
			}
			job.put("static_configs", List.of(Map.of("targets", List.of(target))));
		}
		return yaml.dump(config);
	}

	private boolean ready() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException("Prometheus exited with " + this.process.exitValue());
		}
		try {
			return this.http
				.send(HttpRequest.newBuilder(this.base.resolve("/-/ready")).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Runs an instant query.
	 * @param promQl the query
	 * @return how many series (or 1 for a scalar) the answer has
	 * @throws IllegalArgumentException with Prometheus's error when it refuses the query
	 */
	public int seriesCount(String promQl) {
		URI query = this.base.resolve("/api/v1/query?query=" + URLEncoder.encode(promQl, StandardCharsets.UTF_8));
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(query).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			JsonNode answer = json.readTree(response.body());
			if (!"success".equals(answer.path("status").asString())) {
				throw new IllegalArgumentException(answer.path("error").asString());
			}
			JsonNode data = answer.path("data");
			return switch (data.path("resultType").asString()) {
				case "vector", "matrix" -> data.path("result").size();
				default -> 1;
			};
		}
		catch (IOException ex) {
			throw new IllegalStateException("Prometheus did not answer " + promQl, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while querying " + promQl, ex);
		}
	}

	/**
	 * How many of each job's targets are up.
	 * @param job the job name
	 * @return the number of targets whose last scrape succeeded
	 */
	public int targetsUp(String job) {
		return seriesCount("up{job=\"" + job + "\"} == 1");
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
		try (Stream<Path> files = Files.walk(this.work)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory left behind; nothing else to do
		}
	}

}

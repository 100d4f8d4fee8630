package io.cdottrials.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import redis.embedded.RedisServer;

/**
 * Start-up time to healthy and resident memory of each service's production jar, each
 * started as {@code java <bench.startup.jvm-args> -jar <jar>} in a child JVM: the time
 * from launching the process to the first {@code UP} from {@code /actuator/health}, and
 * {@code VmRSS} at that moment. One unmeasured start first (it migrates the database and
 * warms the page cache), then {@code bench.startup-runs} ({@code bench.runs} unless set)
 * measured ones, the jars taking turns; each figure is the median of its runs.
 * <p>
 * The jars are found by glob: cdot-service's {@code cdot-service/target/*-exec.jar}; the
 * GitLab side's Spring Boot jar in {@code gitlab-service/target/} or, until it moves
 * there, {@code gitlab-client/target/*-exec.jar}. A jar that is not built is reported as
 * skipped.
 */
final class ServiceStartup implements Suite {

	private static final Duration TIMEOUT = Duration.ofMinutes(3);

	private static final Pattern STARTED = Pattern
		.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

	@Override
	public String name() {
		return "startup";
	}

	@Override
	public void run(Settings settings, Results results) throws Exception {
		List<String> jvmArgs = Arrays.stream(System.getProperty("bench.startup.jvm-args", "-Xmx512m").split("\\s+"))
			.filter((arg) -> !arg.isBlank())
			.toList();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("jvm_args", jvmArgs);
		Map<String, double[]> chartValues = new LinkedHashMap<>();
		Path work = Files.createTempDirectory("cdot-startup-bench");
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(work.resolve("pg"))
			.setCleanDataDirectory(true)
			.start()) {
			RedisServer redis = RedisServer.newRedisServer().bind("127.0.0.1").port(freePort()).build();
			redis.start();
			try {
				int cdotPort = freePort();
				Map<String, Service> services = new LinkedHashMap<>();
				services.put("cdot-service", new Service(cdotJar(settings.repository()), cdotPort,
						cdotArguments(postgres.getJdbcUrl("postgres", "postgres"), freePort())));
				services.put("gitlab-service", new Service(gitlabJar(settings.repository()), freePort(),
						List.of("--spring.data.redis.url=redis://127.0.0.1:" + redis.ports().get(0),
								"--gitlab.cdot.base-url=http://localhost:" + cdotPort,
								"--gitlab.cdot.admin-email=bench@example.com", "--gitlab.cdot.admin-token=bench-token",
								"--gitlab.cdot.webhook-secret=bench-secret", "--gitlab.admin.token=bench-admin")));
				Map<String, List<Start>> starts = new LinkedHashMap<>();
				services.forEach((name, service) -> {
					if (service.jar().isEmpty()) {
						details.put(name, Map.of("skipped", "no jar built; build with ./mvnw -DskipTests package"));
						System.out.println("startup: " + name + " skipped, no jar");
					}
					else {
						starts.put(name, new ArrayList<>());
					}
				});
				// the jars take turns run by run, so that a busy minute on the machine
				// touches both rather than all the runs of one
				for (int run = -1; run < settings.startupRuns(); run++) {
					for (Map.Entry<String, List<Start>> entry : starts.entrySet()) {
						String name = entry.getKey();
						Start start = start(services.get(name), jvmArgs, work.resolve(name + "-" + (run + 1) + ".log"));
						System.out.printf(Locale.ROOT, "startup: %s run %d: healthy after %.2f s, RSS %.0f MB%n", name,
								run, start.healthySeconds(), start.rssMb());
						if (run >= 0) {
							entry.getValue().add(start);
						}
					}
				}
				starts.forEach((name, runs) -> {
					double[] healthy = runs.stream().mapToDouble(Start::healthySeconds).toArray();
					double[] rss = runs.stream().mapToDouble(Start::rssMb).toArray();
					double[] springStarted = runs.stream()
						.map(Start::springStartedSeconds)
						.filter(Objects::nonNull)
						.mapToDouble(Double::doubleValue)
						.toArray();
					Map<String, Object> result = new LinkedHashMap<>();
					result.put("jar", settings.repository().relativize(services.get(name).jar().get()).toString());
					result.put("runs", runs.size());
					result.put("healthy_s", Figure.median(healthy));
					result.put("spring_reported_started_s",
							(springStarted.length > 0) ? Figure.median(springStarted) : null);
					result.put("rss_mb", Figure.median(rss));
					result.put("all", runs);
					details.put(name, result);
					results.figure(Figure.ofRuns("start-up to healthy, " + name, healthy, "s"));
					results.figure(Figure.ofRuns("RSS when healthy, " + name, rss, "MB"));
					chartValues.put(name, new double[] { Figure.median(healthy), Figure.median(rss) });
				});
			}
			finally {
				redis.stop();
			}
		}
		results.details(name(), details);
		if (!chartValues.isEmpty()) {
			results.chart("startup-time", chart(chartValues, 0, "Start-up to healthy", "seconds"));
			results.chart("startup-rss", chart(chartValues, 1, "Resident memory when healthy", "MB"));
		}
	}

	private static Start start(Service service, List<String> jvmArgs, Path log)
			throws IOException, InterruptedException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(jvmArgs);
		command.addAll(List.of("-jar", service.jar().orElseThrow().toString(), "--server.port=" + service.port()));
		command.addAll(service.arguments());
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		URI health = URI.create("http://localhost:" + service.port() + "/actuator/health");
		long launched = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			while (System.nanoTime() - launched < TIMEOUT.toNanos()) {
				if (!process.isAlive()) {
					throw new IllegalStateException(service.jar().get().getFileName() + " exited with code "
							+ process.exitValue() + "; its output is in " + log);
				}
				if (healthy(http, health)) {
					double seconds = (System.nanoTime() - launched) / 1e9;
					ProcessMemory memory = ProcessMemory.of(process.pid());
					return new Start(Math.round(seconds * 1000) / 1000.0, springStarted(log),
							Math.round(memory.rssMb() * 10) / 10.0);
				}
				TimeUnit.MILLISECONDS.sleep(20);
			}
			throw new IllegalStateException(
					service.jar().get().getFileName() + " was not healthy within " + TIMEOUT + "; see " + log);
		}
		finally {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
	}

	/**
	 * The command line arguments of a cdot-service jar on a benchmark's database: the
	 * demo catalog from its file, the admin credentials {@link EligibilityLoad} sends.
	 * @param jdbcUrl the database
	 * @param webhookPort where its webhooks would go (nothing listens)
	 * @return the arguments, after {@code -jar <jar>}
	 */
	static List<String> cdotArguments(String jdbcUrl, int webhookPort) {
		return List.of("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
				"--spring.datasource.password=postgres", "--cdot.catalog.source=file",
				"--cdot.api.admin-email=bench@example.com", "--cdot.api.admin-token=bench-token",
				"--cdot.admin.token=bench-admin", "--cdot.zuora.callout-username=zuora",
				"--cdot.zuora.callout-password=bench",
				"--cdot.webhooks.gitlab.urls=http://localhost:" + webhookPort + "/hooks/cdot",
				"--cdot.webhooks.gitlab.secret=bench-secret");
	}

	static boolean healthy(HttpClient http, URI health) throws InterruptedException {
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"UP\"");
		}
		catch (IOException ex) {
			// not listening yet
			return false;
		}
	}

	private static Double springStarted(Path log) throws IOException {
		Matcher matcher = STARTED.matcher(Files.readString(log));
		return matcher.find() ? Double.valueOf(matcher.group(1)) : null;
	}

	static Optional<Path> cdotJar(Path repository) throws IOException {
		return bootJars(repository.resolve("cdot-service/target")).findFirst();
	}

	/** The GitLab side's service jar, wherever it lives now. */
	static Optional<Path> gitlabJar(Path repository) throws IOException {
		Optional<Path> moved = bootJars(repository.resolve("gitlab-service/target")).findFirst();
		return moved.isPresent() ? moved : bootJars(repository.resolve("gitlab-client/target")).findFirst();
	}

	/** Spring Boot executable jars in a directory, {@code *-exec.jar} first. */
	private static Stream<Path> bootJars(Path target) throws IOException {
		if (!Files.isDirectory(target)) {
			return Stream.empty();
		}
		try (Stream<Path> files = Files.list(target)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".jar"))
				.filter(ServiceStartup::isBootJar)
				.sorted(Comparator.comparing((Path file) -> !file.getFileName().toString().endsWith("-exec.jar"))
					.thenComparing(Path::toString))
				.toList()
				.stream();
		}
	}

	private static boolean isBootJar(Path jar) {
		try (JarFile file = new JarFile(jar.toFile())) {
			return file.getEntry("BOOT-INF/") != null || file.getEntry("BOOT-INF/classes/") != null;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static CategoryChart chart(Map<String, double[]> values, int index, String title, String unit) {
		CategoryChart chart = new CategoryChartBuilder().width(700)
			.height(450)
			.title(title + " (java -jar)")
			.yAxisTitle(unit)
			.build();
		chart.getStyler().setLegendVisible(false);
		chart.addSeries(title, new ArrayList<>(values.keySet()),
				values.values().stream().map((v) -> v[index]).toList());
		return chart;
	}

	private record Service(Optional<Path> jar, int port, List<String> arguments) {
	}

	/**
	 * One measured start.
	 *
	 * @param healthySeconds from launch to the first UP
	 * @param springStartedSeconds what Spring Boot logged as its start-up time
	 * @param rssMb resident memory when healthy
	 */
	record Start(double healthySeconds, Double springStartedSeconds, double rssMb) {
	}

}

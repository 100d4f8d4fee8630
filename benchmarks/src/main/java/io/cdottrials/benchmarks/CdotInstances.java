package io.cdottrials.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Instances of cdot-service's production jar, each a child JVM on its own port, all on
 * one database: what several replicas behind a load balancer are, without the balancer.
 * Each instance's output goes to its own log file.
 */
final class CdotInstances implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

	private final Path jar;

	private final List<String> jvmArgs;

	private final String jdbcUrl;

	private final Path logs;

	private final List<Process> processes = new ArrayList<>();

	private final List<Integer> ports = new ArrayList<>();

	/**
	 * @param jar cdot-service's executable jar
	 * @param jvmArgs options of each child JVM, e.g. {@code -Xmx256m}
	 * @param jdbcUrl the one database of every instance
	 * @param logs where each instance's output goes ({@code cdot-<n>.log})
	 */
	CdotInstances(Path jar, List<String> jvmArgs, String jdbcUrl, Path logs) {
		this.jar = jar;
		this.jvmArgs = jvmArgs;
		this.jdbcUrl = jdbcUrl;
		this.logs = logs;
	}

	/**
	 * Starts one more instance and waits until it is healthy (the first one migrates the
	 * database).
	 * @return how long it took to be healthy, seconds
	 * @throws IOException when it cannot be launched
	 * @throws InterruptedException when interrupted
	 */
	double startOne() throws IOException, InterruptedException {
		int port = ServiceStartup.freePort();
		Path log = this.logs.resolve("cdot-" + (this.processes.size() + 1) + ".log");
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(this.jvmArgs);
		command.addAll(List.of("-jar", this.jar.toString(), "--server.port=" + port));
		command.addAll(ServiceStartup.cdotArguments(this.jdbcUrl, ServiceStartup.freePort()));
		long launched = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		this.processes.add(process);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		URI health = URI.create("http://localhost:" + port + "/actuator/health");
		while (System.nanoTime() - launched < STARTUP_TIMEOUT.toNanos()) {
			if (!process.isAlive()) {
				throw new IllegalStateException(
						"cdot-service exited with code " + process.exitValue() + "; its output is in " + log);
			}
			if (ServiceStartup.healthy(http, health)) {
				this.ports.add(port);
				return (System.nanoTime() - launched) / 1e9;
			}
			TimeUnit.MILLISECONDS.sleep(100);
		}
		throw new IllegalStateException("cdot-service was not healthy within " + STARTUP_TIMEOUT + "; see " + log);
	}

	/**
	 * The ports of the healthy instances, in the order they started.
	 * @return a copy
	 */
	List<Integer> ports() {
		return List.copyOf(this.ports);
	}

	/**
	 * The resident memory of every instance now, MiB.
	 * @return one figure per instance
	 */
	List<Double> rssMb() {
		return this.processes.stream().map((process) -> ProcessMemory.of(process.pid()).rssMb()).toList();
	}

	@Override
	public void close() throws InterruptedException {
		this.processes.forEach(Process::destroy);
		for (Process process : this.processes) {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
	}

}

package io.cdottrials.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One service running from its production jar in a child JVM, its output prefixed with
 * its name, the latest lines kept for whoever wants to read them (the end-to-end tests
 * follow a trace id through them).
 */
final class ServiceProcess {

	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

	// enough for a test run; the launcher may run for days, so not every line
	private static final int KEPT_LINES = 20_000;

	private final String name;

	private final Process process;

	private final URI health;

	private final Deque<String> output = new ArrayDeque<>();

	private ServiceProcess(String name, Process process, URI health) {
		this.name = name;
		this.process = process;
		this.health = health;
	}

	static ServiceProcess start(String name, Path jar, int port, List<String> arguments) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(), "--server.port=" + port));
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		ServiceProcess service = new ServiceProcess(name, process,
				URI.create("http://localhost:" + port + "/actuator/health"));
		Thread relay = new Thread(service::relay, name + "-output");
		relay.setDaemon(true);
		relay.start();
		return service;
	}

	/**
	 * The latest lines the service wrote (standard output and error), oldest first.
	 * @return a copy
	 */
	List<String> output() {
		synchronized (this.output) {
			return List.copyOf(this.output);
		}
	}

	void awaitHealthy() throws InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with code " + this.process.exitValue());
			}
			try {
				HttpResponse<String> response = client.send(HttpRequest.newBuilder(this.health).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			TimeUnit.MILLISECONDS.sleep(500);
		}
		throw new IllegalStateException(this.name + " did not become healthy within " + STARTUP_TIMEOUT);
	}

	void waitFor() throws InterruptedException {
		this.process.waitFor();
	}

	/**
	 * Asks the service to stop (SIGTERM) and waits for it to end.
	 * @param grace how long to wait before killing it
	 * @return whether it ended by itself within {@code grace}
	 */
	boolean terminate(Duration grace) {
		this.process.destroy();
		try {
			if (this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				return true;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		kill();
		return false;
	}

	/**
	 * Kills the service at once (SIGKILL), as a crash or an OOM kill would.
	 */
	void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	void stop() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	private void relay() {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				System.out.println("[" + this.name + "] " + line);
				synchronized (this.output) {
					if (this.output.size() == KEPT_LINES) {
						this.output.removeFirst();
					}
					this.output.addLast(line);
				}
			}
		}
		catch (IOException ex) {
			// the process ended
		}
	}

}

package io.cdottrials.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.cdottrials.testsupport.debian.DebianPackage;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * One Debian {@code redis-server} in a child process on loopback, without persistence (a
 * cache). The scaling suite runs the standalone server and every cluster node from this
 * same binary, so that the topology is the only difference between its two figures (the
 * embedded server the other suites use is another build of Redis).
 */
final class RedisServerProcess implements AutoCloseable {

	static final DebianPackage REDIS = new DebianPackage("scaling benchmark (suite scaling)", List.of("redis-server"),
			Path.of("/usr/bin/redis-server"), Path.of("/usr/bin/redis-cli"));

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

	private final int port;

	private final Process process;

	private final Path log;

	private RedisServerProcess(int port, Process process, Path log) {
		this.port = port;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts a server and waits until it answers {@code PING}.
	 * @param directory its working directory (created)
	 * @param port its port
	 * @param options more {@code redis-server} options, e.g.
	 * {@code --cluster-enabled yes}
	 * @return the running server
	 * @throws IOException when it cannot be started
	 * @throws InterruptedException when interrupted
	 */
	static RedisServerProcess start(Path directory, int port, String... options)
			throws IOException, InterruptedException {
		ensureInstalled();
		Files.createDirectories(directory);
		List<String> command = new ArrayList<>(
				List.of("/usr/bin/redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1", "--dir",
						directory.toString(), "--save", "", "--appendonly", "no", "--daemonize", "no"));
		command.addAll(List.of(options));
		Path log = directory.resolve("redis.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		RedisServerProcess server = new RedisServerProcess(port, process, log);
		try {
			server.awaitPong();
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
		}
		return server;
	}

	/**
	 * Installs Debian's redis-server when absent.
	 * @throws IllegalStateException naming the command to run by hand when it cannot
	 */
	static void ensureInstalled() {
		try {
			REDIS.ensureInstalled();
		}
		catch (AssertionError ex) {
			// DebianPackage speaks to tests; a failed suite is an exception, and the
			// other
			// suites still run
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	/**
	 * A free port whose cluster bus port (port + 10000) is free too.
	 * @return the port
	 * @throws IOException when no port can be found
	 */
	static int freePortWithBus() throws IOException {
		for (int attempt = 0; attempt < 100; attempt++) {
			int port = ServiceStartup.freePort();
			if (port + 10_000 <= 65_535 && free(port + 10_000)) {
				return port;
			}
		}
		throw new IOException("no free port with a free port 10000 above it");
	}

	int port() {
		return this.port;
	}

	private void awaitPong() throws InterruptedException {
		RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", this.port));
		try {
			long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
			while (System.nanoTime() < deadline) {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("redis-server on port " + this.port + " exited with code "
							+ this.process.exitValue() + "; see " + this.log);
				}
				try (StatefulRedisConnection<String, String> connection = client.connect()) {
					if ("PONG".equals(connection.sync().ping())) {
						return;
					}
				}
				catch (RuntimeException ex) {
					// not listening yet
				}
				TimeUnit.MILLISECONDS.sleep(50);
			}
			throw new IllegalStateException(
					"redis-server on port " + this.port + " did not answer within " + STARTUP_TIMEOUT);
		}
		finally {
			client.shutdown();
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}

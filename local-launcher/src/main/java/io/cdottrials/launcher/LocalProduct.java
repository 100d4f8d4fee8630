package io.cdottrials.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import redis.embedded.RedisServer;

/**
 * The whole product on one machine: an embedded PostgreSQL and an embedded Redis, then
 * cdot-service (demo catalog from the file source, profile {@code local}) and
 * gitlab-service as two separate processes, each from its own production jar, configured
 * as an operator would configure them. CDot's invalidation webhooks point at the GitLab
 * side. Used by the launcher and by the end-to-end tests.
 */
public final class LocalProduct implements AutoCloseable {

	static final String GITLAB_EMAIL = "gitlab@example.com";

	static final String GITLAB_TOKEN = "local-gitlab-token";

	static final String WEBHOOK_SECRET = "local-webhook-secret";

	private final Path repository;

	private final Path work;

	private final int cdotPort;

	private final int gitlabPort;

	private final List<String> gitlabSettings;

	private final LogFormat logFormat;

	private @Nullable EmbeddedPostgres postgres;

	private int postgresPort;

	private @Nullable RedisServer redis;

	private final int redisPort;

	private @Nullable ServiceProcess cdot;

	private @Nullable ServiceProcess gitlab;

	private LocalProduct(Path repository, Path work, int cdotPort, int gitlabPort, int redisPort,
			List<String> gitlabSettings, LogFormat logFormat) {
		this.repository = repository;
		this.work = work;
		this.cdotPort = cdotPort;
		this.gitlabPort = gitlabPort;
		this.redisPort = redisPort;
		this.gitlabSettings = List.copyOf(gitlabSettings);
		this.logFormat = logFormat;
	}

	/**
	 * Starts everything and waits until both services answer their health check.
	 * @param repository the repository whose build output holds the services' jars
	 * @param cdotPort port of cdot-service
	 * @param gitlabPort port of gitlab-client
	 * @return the running product; close it to stop everything
	 * @throws IOException when a datastore cannot start
	 * @throws InterruptedException when interrupted while waiting for the services
	 */
	public static LocalProduct start(Path repository, int cdotPort, int gitlabPort)
			throws IOException, InterruptedException {
		return start(repository, cdotPort, gitlabPort, LogFormat.PLAIN);
	}

	/**
	 * Starts everything and waits until both services answer their health check.
	 * @param repository the repository whose build output holds the services' jars
	 * @param cdotPort port of cdot-service
	 * @param gitlabPort port of gitlab-client
	 * @param logFormat how both services log
	 * @return the running product; close it to stop everything
	 * @throws IOException when a datastore cannot start
	 * @throws InterruptedException when interrupted while waiting for the services
	 */
	public static LocalProduct start(Path repository, int cdotPort, int gitlabPort, LogFormat logFormat)
			throws IOException, InterruptedException {
		return start(repository, cdotPort, gitlabPort, List.of(), logFormat);
	}

	/**
	 * Starts everything, with settings of the GitLab side added to the local run's.
	 * @param repository the repository whose build output holds the services' jars
	 * @param cdotPort port of cdot-service
	 * @param gitlabPort port of gitlab-client
	 * @param gitlabSettings more {@code --name=value} arguments of gitlab-client
	 * @param logFormat how both services log
	 * @return the running product; close it to stop everything
	 * @throws IOException when a datastore cannot start
	 * @throws InterruptedException when interrupted while waiting for the services
	 */
	static LocalProduct start(Path repository, int cdotPort, int gitlabPort, List<String> gitlabSettings,
			LogFormat logFormat) throws IOException, InterruptedException {
		requireFree(cdotPort, "cdot-service");
		requireFree(gitlabPort, "gitlab-client");
		LocalProduct product = new LocalProduct(repository, Files.createTempDirectory("cdot-trials-local"), cdotPort,
				gitlabPort, freePort(), gitlabSettings, logFormat);
		try {
			product.startPostgres();
			product.startRedis();
			product.startServices();
			return product;
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			product.close();
			throw ex;
		}
	}

	private void startServices() throws IOException, InterruptedException {
		this.cdot = launchCdot();
		this.gitlab = launchGitlab();
		this.cdot.awaitHealthy();
		this.gitlab.awaitHealthy();
	}

	private ServiceProcess launchCdot() throws IOException {
		return ServiceProcess.start("cdot", RepositoryLayout.cdotJar(this.repository), this.cdotPort,
				withLogFormat(
						List.of("--spring.profiles.active=local",
								"--spring.datasource.url=jdbc:postgresql://localhost:" + this.postgresPort
										+ "/postgres",
								"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
								"--cdot.catalog.source=file", "--cdot.api.admin-email=" + GITLAB_EMAIL,
								"--cdot.api.admin-token=" + GITLAB_TOKEN,
								"--cdot.webhooks.gitlab.urls=http://localhost:" + this.gitlabPort + "/hooks/cdot",
								"--cdot.webhooks.gitlab.secret=" + WEBHOOK_SECRET)));
	}

	private List<String> withLogFormat(List<String> arguments) {
		List<String> all = new ArrayList<>(arguments);
		all.addAll(this.logFormat.arguments());
		return all;
	}

	private ServiceProcess launchGitlab() throws IOException {
		List<String> arguments = new ArrayList<>(List.of("--spring.data.redis.url=redis://127.0.0.1:" + this.redisPort,
				"--gitlab.cdot.base-url=http://localhost:" + this.cdotPort, "--gitlab.cdot.admin-email=" + GITLAB_EMAIL,
				"--gitlab.cdot.admin-token=" + GITLAB_TOKEN, "--gitlab.cdot.webhook-secret=" + WEBHOOK_SECRET,
				"--gitlab.admin.token=local-gitlab-admin-token"));
		arguments.addAll(this.gitlabSettings);
		arguments.addAll(this.logFormat.arguments());
		return ServiceProcess.start("gitlab", RepositoryLayout.gitlabJar(this.repository), this.gitlabPort, arguments);
	}

	/**
	 * Starts PostgreSQL, on the port and data directory of its first start when it ran
	 * before, so that the services find it and its data again.
	 * @throws IOException when it cannot start
	 */
	void startPostgres() throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(this.work.resolve("postgres"))
			.setCleanDataDirectory(false);
		if (this.postgresPort != 0) {
			builder.setPort(this.postgresPort);
		}
		this.postgres = builder.start();
		this.postgresPort = this.postgres.getPort();
	}

	/**
	 * Stops PostgreSQL (a fast shutdown: open connections are cut), keeping its data.
	 * @throws IOException when it cannot stop
	 */
	void stopPostgres() throws IOException {
		EmbeddedPostgres running = this.postgres;
		this.postgres = null;
		if (running != null) {
			running.close();
		}
	}

	/**
	 * Starts Redis on its port.
	 * @throws IOException when it cannot start
	 */
	void startRedis() throws IOException {
		this.redis = RedisServer.newRedisServer().bind("127.0.0.1").port(this.redisPort).build();
		this.redis.start();
	}

	/**
	 * Stops Redis.
	 * @throws IOException when it cannot stop
	 */
	void stopRedis() throws IOException {
		RedisServer running = this.redis;
		this.redis = null;
		if (running != null) {
			running.stop();
		}
	}

	/**
	 * Kills cdot-service at once (SIGKILL).
	 */
	void killCdot() {
		ServiceProcess running = this.cdot;
		this.cdot = null;
		if (running != null) {
			running.kill();
		}
	}

	/**
	 * Asks cdot-service to stop (SIGTERM), as an orchestrator does.
	 * @param grace how long it may take before it is killed
	 * @return whether it stopped by itself within {@code grace}
	 */
	boolean terminateCdot(Duration grace) {
		ServiceProcess running = this.cdot;
		this.cdot = null;
		return running == null || running.terminate(grace);
	}

	/**
	 * Starts cdot-service again and waits until it is healthy.
	 * @throws IOException when it cannot start
	 * @throws InterruptedException when interrupted while waiting
	 */
	void startCdot() throws IOException, InterruptedException {
		this.cdot = launchCdot();
		this.cdot.awaitHealthy();
	}

	/**
	 * Kills gitlab-client, the receiver of CDot's webhooks, at once (SIGKILL).
	 */
	void killGitlab() {
		ServiceProcess running = this.gitlab;
		this.gitlab = null;
		if (running != null) {
			running.kill();
		}
	}

	/**
	 * Starts gitlab-client again and waits until it is healthy.
	 * @throws IOException when it cannot start
	 * @throws InterruptedException when interrupted while waiting
	 */
	void startGitlab() throws IOException, InterruptedException {
		this.gitlab = launchGitlab();
		this.gitlab.awaitHealthy();
	}

	/**
	 * The latest lines cdot-service wrote.
	 * @return a copy, oldest first
	 */
	public List<String> cdotOutput() {
		return running(this.cdot).output();
	}

	/**
	 * The latest lines gitlab-service wrote.
	 * @return a copy, oldest first
	 */
	public List<String> gitlabOutput() {
		return running(this.gitlab).output();
	}

	private static ServiceProcess running(@Nullable ServiceProcess service) {
		if (service == null) {
			throw new IllegalStateException("The service is not running");
		}
		return service;
	}

	public int cdotPort() {
		return this.cdotPort;
	}

	public int gitlabPort() {
		return this.gitlabPort;
	}

	/**
	 * Waits until one of the services ends.
	 * @throws InterruptedException when interrupted
	 */
	void waitFor() throws InterruptedException {
		for (ServiceProcess service : running()) {
			service.waitFor();
		}
	}

	@Override
	public void close() {
		running().forEach(ServiceProcess::stop);
		this.cdot = null;
		this.gitlab = null;
		try {
			stopRedis();
		}
		catch (IOException ex) {
			// stopping anyway; nothing left to tell
		}
		try {
			stopPostgres();
		}
		catch (IOException ex) {
			// stopping anyway; nothing left to tell
		}
		// the data directory is kept across restarts of PostgreSQL, not after the run
		try (Stream<Path> files = Files.walk(this.work)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory; the system cleans it eventually
		}
	}

	private List<ServiceProcess> running() {
		List<ServiceProcess> running = new ArrayList<>();
		if (this.cdot != null) {
			running.add(this.cdot);
		}
		if (this.gitlab != null) {
			running.add(this.gitlab);
		}
		return running;
	}

	private static void requireFree(int port, String service) {
		// otherwise a service already listening there would pass the health check
		try (ServerSocket socket = new ServerSocket(port)) {
			socket.setReuseAddress(true);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Port " + port + " for " + service
					+ " is in use: stop what listens there or choose another port (-Dcdot.port, -Dgitlab.port)");
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

package io.cdottrials.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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

	private final int cdotPort;

	private final int gitlabPort;

	private final EmbeddedPostgres postgres;

	private final RedisServer redis;

	private final LogFormat logFormat;

	private final List<ServiceProcess> services = new ArrayList<>();

	private LocalProduct(int cdotPort, int gitlabPort, EmbeddedPostgres postgres, RedisServer redis,
			LogFormat logFormat) {
		this.cdotPort = cdotPort;
		this.gitlabPort = gitlabPort;
		this.postgres = postgres;
		this.redis = redis;
		this.logFormat = logFormat;
	}

	/**
	 * Starts everything, logging plain text, and waits until both services answer their
	 * health check.
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
		requireFree(cdotPort, "cdot-service");
		requireFree(gitlabPort, "gitlab-client");
		Path work = Files.createTempDirectory("cdot-trials-local");
		EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("postgres")).start();
		RedisServer redis = RedisServer.newRedisServer().bind("127.0.0.1").port(freePort()).build();
		redis.start();
		LocalProduct product = new LocalProduct(cdotPort, gitlabPort, postgres, redis, logFormat);
		try {
			product.startServices(repository);
			return product;
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			product.close();
			throw ex;
		}
	}

	private void startServices(Path repository) throws IOException, InterruptedException {
		this.services.add(ServiceProcess.start("cdot", RepositoryLayout.cdotJar(repository), this.cdotPort,
				arguments("--spring.profiles.active=local",
						"--spring.datasource.url=" + this.postgres.getJdbcUrl("postgres", "postgres"),
						"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
						"--cdot.catalog.source=file", "--cdot.api.admin-email=" + GITLAB_EMAIL,
						"--cdot.api.admin-token=" + GITLAB_TOKEN,
						"--cdot.webhooks.gitlab.urls=http://localhost:" + this.gitlabPort + "/hooks/cdot",
						"--cdot.webhooks.gitlab.secret=" + WEBHOOK_SECRET)));
		this.services.add(ServiceProcess.start("gitlab", RepositoryLayout.gitlabJar(repository), this.gitlabPort,
				arguments("--spring.data.redis.url=redis://127.0.0.1:" + this.redis.ports().get(0),
						"--gitlab.cdot.base-url=http://localhost:" + this.cdotPort,
						"--gitlab.cdot.admin-email=" + GITLAB_EMAIL, "--gitlab.cdot.admin-token=" + GITLAB_TOKEN,
						"--gitlab.cdot.webhook-secret=" + WEBHOOK_SECRET,
						"--gitlab.admin.token=local-gitlab-admin-token")));
		for (ServiceProcess service : this.services) {
			service.awaitHealthy();
		}
	}

	private List<String> arguments(String... arguments) {
		List<String> all = new ArrayList<>(List.of(arguments));
		all.addAll(this.logFormat.arguments());
		return all;
	}

	/**
	 * The latest lines cdot-service wrote.
	 * @return a copy, oldest first
	 */
	public List<String> cdotOutput() {
		return this.services.get(0).output();
	}

	/**
	 * The latest lines gitlab-service wrote.
	 * @return a copy, oldest first
	 */
	public List<String> gitlabOutput() {
		return this.services.get(1).output();
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
		for (ServiceProcess service : this.services) {
			service.waitFor();
		}
	}

	@Override
	public void close() {
		this.services.forEach(ServiceProcess::stop);
		try {
			this.redis.stop();
		}
		catch (IOException ex) {
			// stopping anyway; nothing left to tell
		}
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			// stopping anyway; nothing left to tell
		}
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

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
 * Starts the whole product on one machine with nothing but a JDK: an embedded PostgreSQL
 * and an embedded Redis, then cdot-service (port 8080, demo catalog from the file source)
 * and gitlab-client (port 8081) as two separate processes, each from its own production
 * jar, configured exactly as an operator would configure them. CDot's invalidation
 * webhooks point at the GitLab side.
 */
public final class LocalLauncher {

	static final String GITLAB_EMAIL = "gitlab@example.com";

	static final String GITLAB_TOKEN = "local-gitlab-token";

	static final String WEBHOOK_SECRET = "local-webhook-secret";

	private LocalLauncher() {
	}

	public static void main(String[] args) throws Exception {
		Path repository = RepositoryLayout.locate();
		int cdotPort = Integer.getInteger("cdot.port", 8080);
		int gitlabPort = Integer.getInteger("gitlab.port", 8081);
		Path work = Files.createTempDirectory("cdot-trials-local");

		EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("postgres")).start();
		int redisPort = freePort();
		RedisServer redis = RedisServer.newRedisServer().bind("127.0.0.1").port(redisPort).build();
		redis.start();

		List<ServiceProcess> services = new ArrayList<>();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			services.forEach(ServiceProcess::stop);
			stopQuietly(redis);
			closeQuietly(postgres);
		}));

		services.add(ServiceProcess.start("cdot", RepositoryLayout.cdotJar(repository),
				List.of("--server.port=" + cdotPort, "--spring.profiles.active=local",
						"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
						"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
						"--cdot.catalog.source=file", "--cdot.api.admin-email=" + GITLAB_EMAIL,
						"--cdot.api.admin-token=" + GITLAB_TOKEN,
						"--cdot.webhooks.gitlab.urls=http://localhost:" + gitlabPort + "/hooks/cdot",
						"--cdot.webhooks.gitlab.secret=" + WEBHOOK_SECRET)));
		services.add(ServiceProcess.start("gitlab", RepositoryLayout.gitlabJar(repository),
				List.of("--server.port=" + gitlabPort, "--spring.data.redis.url=redis://127.0.0.1:" + redisPort,
						"--gitlab.cdot.base-url=http://localhost:" + cdotPort,
						"--gitlab.cdot.admin-email=" + GITLAB_EMAIL, "--gitlab.cdot.admin-token=" + GITLAB_TOKEN,
						"--gitlab.cdot.webhook-secret=" + WEBHOOK_SECRET,
						"--gitlab.admin.token=local-gitlab-admin-token")));

		for (ServiceProcess service : services) {
			service.awaitHealthy();
		}
		System.out.println(Banner.text(cdotPort, gitlabPort));
		for (ServiceProcess service : services) {
			service.waitFor();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void stopQuietly(RedisServer redis) {
		try {
			redis.stop();
		}
		catch (IOException ex) {
			// the JVM is going away; nothing left to tell
		}
	}

	private static void closeQuietly(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			// the JVM is going away; nothing left to tell
		}
	}

}

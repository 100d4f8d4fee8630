package io.cdottrials.gitlab.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import io.cdottrials.testsupport.server.SharedTestServer;
import io.cdottrials.testsupport.server.SharedTestServer.Started;
import org.testcontainers.containers.GenericContainer;
import redis.embedded.RedisServer;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one Redis server of a test JVM, shared by every test class (tests keep apart by
 * using namespace ids of their own). It stops after the last context that uses it
 * ({@link SharedTestServer}).
 * <p>
 * Embedded ({@code com.github.codemonstur:embedded-redis}, on a free port) by default;
 * Testcontainers ({@code redis:7-alpine}) when the system property
 * {@code gitlab.test.redis} or the environment variable {@code GITLAB_TEST_REDIS} is
 * {@code testcontainers}, e.g. {@code ./mvnw verify -Dgitlab.test.redis=testcontainers}.
 */
public final class TestRedis {

	private static final SharedTestServer<String> server = SharedTestServer.embeddedOrContainer("gitlab.test.redis",
			"GITLAB_TEST_REDIS", TestRedis::startEmbedded, TestRedis::startContainer);

	private TestRedis() {
	}

	/**
	 * Starts the server on first use.
	 * @return its URL, e.g. {@code redis://127.0.0.1:51234}
	 */
	public static String url() {
		return server.get();
	}

	/**
	 * Records that a context uses this server, so that it is closed before the server
	 * stops.
	 * @param context the context
	 */
	public static void usedBy(ConfigurableApplicationContext context) {
		server.usedBy(context);
	}

	/**
	 * A port nothing listens on, for tests of a dead Redis.
	 * @return a port that was free a moment ago
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Started<String> startEmbedded() {
		int port = freePort();
		try {
			RedisServer redis = RedisServer.newRedisServer()
				.port(port)
				.bind("127.0.0.1")
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			redis.start();
			Started<String> started = new Started<>("redis://127.0.0.1:" + port, () -> {
				try {
					redis.stop();
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Could not stop embedded Redis", ex);
				}
			});
			// the fallback when the run ends without the session listener: the
			// redis-server process must not outlive the JVM
			Runtime.getRuntime().addShutdownHook(new Thread(started.stop()));
			return started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded Redis", ex);
		}
	}

	private static Started<String> startContainer() {
		GenericContainer<?> container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
		container.start();
		return new Started<>("redis://" + container.getHost() + ":" + container.getMappedPort(6379), container::stop);
	}

}

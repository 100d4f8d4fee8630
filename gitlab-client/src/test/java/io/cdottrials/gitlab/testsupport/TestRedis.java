package io.cdottrials.gitlab.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Locale;

import org.testcontainers.containers.GenericContainer;
import redis.embedded.RedisServer;

/**
 * The one Redis server of a test JVM, shared by every test class (tests keep apart by
 * using namespace ids of their own).
 * <p>
 * Embedded ({@code com.github.codemonstur:embedded-redis}, on a free port) by default;
 * Testcontainers ({@code redis:7-alpine}) when the system property
 * {@code gitlab.test.redis} or the environment variable {@code GITLAB_TEST_REDIS} is
 * {@code testcontainers}, e.g. {@code ./mvnw verify -Dgitlab.test.redis=testcontainers}.
 */
public final class TestRedis {

	private static volatile String url;

	private TestRedis() {
	}

	/**
	 * Starts the server on first use.
	 * @return its URL, e.g. {@code redis://127.0.0.1:51234}
	 */
	public static String url() {
		String current = url;
		if (current == null) {
			synchronized (TestRedis.class) {
				current = url;
				if (current == null) {
					current = start();
					url = current;
				}
			}
		}
		return current;
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

	private static String start() {
		String mode = System.getProperty("gitlab.test.redis",
				System.getenv().getOrDefault("GITLAB_TEST_REDIS", "embedded"));
		return switch (mode.toLowerCase(Locale.ROOT)) {
			case "testcontainers" -> startContainer();
			case "embedded" -> startEmbedded();
			default -> throw new IllegalArgumentException(
					"gitlab.test.redis must be 'embedded' or 'testcontainers', not '" + mode + "'");
		};
	}

	private static String startEmbedded() {
		int port = freePort();
		try {
			RedisServer redis = RedisServer.newRedisServer()
				.port(port)
				.bind("127.0.0.1")
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			redis.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					redis.stop();
				}
				catch (IOException ex) {
					// the JVM is going away; nothing left to tell
				}
			}));
			return "redis://127.0.0.1:" + port;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded Redis", ex);
		}
	}

	private static String startContainer() {
		GenericContainer<?> container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
		container.start();
		return "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
	}

}

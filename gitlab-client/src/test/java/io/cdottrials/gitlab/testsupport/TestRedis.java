package io.cdottrials.gitlab.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.testcontainers.containers.GenericContainer;
import redis.embedded.RedisServer;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The one Redis server of a test JVM, shared by every test class (tests keep apart by
 * using namespace ids of their own).
 * <p>
 * The server outlives every context that uses it: when the test run ends
 * ({@link TestRedisSessionListener}) the contexts still open (Spring's test context cache
 * keeps them until the JVM exits) are closed first, then the server stops. Were both left
 * to JVM shutdown hooks, they would run concurrently, and closing contexts would talk to
 * a Redis that is already gone.
 * <p>
 * Embedded ({@code com.github.codemonstur:embedded-redis}, on a free port) by default;
 * Testcontainers ({@code redis:7-alpine}) when the system property
 * {@code gitlab.test.redis} or the environment variable {@code GITLAB_TEST_REDIS} is
 * {@code testcontainers}, e.g. {@code ./mvnw verify -Dgitlab.test.redis=testcontainers}.
 */
public final class TestRedis {

	private static final Set<ConfigurableApplicationContext> contexts = new LinkedHashSet<>();

	private static volatile @Nullable Server server;

	private TestRedis() {
	}

	/**
	 * Starts the server on first use.
	 * @return its URL, e.g. {@code redis://127.0.0.1:51234}
	 */
	public static String url() {
		Server current = server;
		if (current == null) {
			synchronized (TestRedis.class) {
				current = server;
				if (current == null) {
					current = start();
					server = current;
				}
			}
		}
		return current.url();
	}

	/**
	 * Records that a context uses this server, so that it is closed before the server
	 * stops.
	 * @param context the context
	 */
	public static void usedBy(ConfigurableApplicationContext context) {
		synchronized (contexts) {
			contexts.add(context);
		}
		context.addApplicationListener(new ClosedListener(context));
	}

	/**
	 * Closes the contexts still open, then stops the server (if it was started).
	 */
	static void shutdown() {
		List<ConfigurableApplicationContext> open;
		synchronized (contexts) {
			open = new ArrayList<>(contexts);
		}
		Collections.reverse(open);
		for (ConfigurableApplicationContext context : open) {
			if (context.isActive()) {
				context.close();
			}
		}
		Server current;
		synchronized (TestRedis.class) {
			current = server;
			server = null;
		}
		if (current != null) {
			current.stop().run();
		}
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

	private static Server start() {
		String mode = System.getProperty("gitlab.test.redis",
				System.getenv().getOrDefault("GITLAB_TEST_REDIS", "embedded"));
		return switch (mode.toLowerCase(Locale.ROOT)) {
			case "testcontainers" -> startContainer();
			case "embedded" -> startEmbedded();
			default -> throw new IllegalArgumentException(
					"gitlab.test.redis must be 'embedded' or 'testcontainers', not '" + mode + "'");
		};
	}

	private static Server startEmbedded() {
		int port = freePort();
		try {
			RedisServer redis = RedisServer.newRedisServer()
				.port(port)
				.bind("127.0.0.1")
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			redis.start();
			Runnable stop = once(() -> {
				try {
					redis.stop();
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Could not stop embedded Redis", ex);
				}
			});
			// the fallback when the run ends without TestRedisSessionListener: the
			// redis-server process must not outlive the JVM
			Runtime.getRuntime().addShutdownHook(new Thread(stop));
			return new Server("redis://127.0.0.1:" + port, stop);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded Redis", ex);
		}
	}

	private static Server startContainer() {
		GenericContainer<?> container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
		container.start();
		return new Server("redis://" + container.getHost() + ":" + container.getMappedPort(6379),
				once(container::stop));
	}

	private static Runnable once(Runnable action) {
		AtomicBoolean done = new AtomicBoolean();
		return () -> {
			if (done.compareAndSet(false, true)) {
				action.run();
			}
		};
	}

	private record Server(String url, Runnable stop) {
	}

	/**
	 * Forgets a context once it closed (evicted from the context cache, say).
	 */
	private static final class ClosedListener implements ApplicationListener<ContextClosedEvent> {

		private final ConfigurableApplicationContext context;

		ClosedListener(ConfigurableApplicationContext context) {
			this.context = context;
		}

		@Override
		public void onApplicationEvent(ContextClosedEvent event) {
			if (event.getApplicationContext() == this.context) {
				synchronized (contexts) {
					contexts.remove(this.context);
				}
			}
		}

	}

}

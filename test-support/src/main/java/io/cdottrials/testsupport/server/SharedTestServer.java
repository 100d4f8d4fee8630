package io.cdottrials.testsupport.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The one server of a kind (a PostgreSQL, a Redis) in a test JVM, shared by every test
 * class: started on first use, and stopped when the test run ends, after the Spring
 * contexts that use it.
 * <p>
 * The order matters: Spring's test context cache keeps contexts open until the JVM exits.
 * Were the contexts and the server both left to JVM shutdown hooks, they would run
 * concurrently, and closing a context would wait for a server that is already gone. So
 * {@link SharedTestServerSessionListener} closes the contexts still open first, newest
 * first, then stops the server.
 *
 * @param <S> what a started server is to its tests (its coordinates)
 */
public final class SharedTestServer<S> {

	private static final List<SharedTestServer<?>> all = new CopyOnWriteArrayList<>();

	private final Supplier<Started<S>> starter;

	private final Set<ConfigurableApplicationContext> contexts = new LinkedHashSet<>();

	private volatile @Nullable Started<S> started;

	private SharedTestServer(Supplier<Started<S>> starter) {
		this.starter = starter;
	}

	/**
	 * A server started on first use by {@code starter}.
	 * @param <S> what a started server is to its tests
	 * @param starter starts the server
	 * @return the shared server, registered for the end of the test run
	 */
	public static <S> SharedTestServer<S> of(Supplier<Started<S>> starter) {
		SharedTestServer<S> server = new SharedTestServer<>(starter);
		all.add(server);
		return server;
	}

	/**
	 * A server started in the way a system property or environment variable chooses:
	 * {@code embedded} (the default, what a machine without Docker has) or
	 * {@code testcontainers}.
	 * @param <S> what a started server is to its tests
	 * @param property the system property, e.g. {@code cdot.test.postgres}
	 * @param variable the environment variable, e.g. {@code CDOT_TEST_POSTGRES}
	 * @param embedded starts an embedded server
	 * @param container starts a Testcontainers container
	 * @return the shared server
	 */
	public static <S> SharedTestServer<S> embeddedOrContainer(String property, String variable,
			Supplier<Started<S>> embedded, Supplier<Started<S>> container) {
		return of(() -> {
			String mode = System.getProperty(property, System.getenv().getOrDefault(variable, "embedded"));
			return switch (mode.toLowerCase(Locale.ROOT)) {
				case "testcontainers" -> container.get();
				case "embedded" -> embedded.get();
				default -> throw new IllegalArgumentException(
						property + " must be 'embedded' or 'testcontainers', not '" + mode + "'");
			};
		});
	}

	/**
	 * The server, started on first use.
	 * @return what the server is to its tests
	 */
	public S get() {
		Started<S> current = this.started;
		if (current == null) {
			synchronized (this) {
				current = this.started;
				if (current == null) {
					current = this.starter.get();
					this.started = current;
				}
			}
		}
		return current.server();
	}

	/**
	 * Answers something of the server, started on first use.
	 * @param <T> the answer's type
	 * @param question what to ask of the server
	 * @return the answer
	 */
	public <T> T with(Function<S, T> question) {
		return question.apply(get());
	}

	/**
	 * Records that a context uses this server, so that it is closed before the server
	 * stops.
	 * @param context the context
	 */
	public void usedBy(ConfigurableApplicationContext context) {
		synchronized (this.contexts) {
			this.contexts.add(context);
		}
		context.addApplicationListener(new ClosedListener(context));
	}

	/**
	 * Closes the contexts still open, then stops the server (if it was started).
	 */
	void shutdown() {
		List<ConfigurableApplicationContext> open;
		synchronized (this.contexts) {
			open = new ArrayList<>(this.contexts);
		}
		Collections.reverse(open);
		for (ConfigurableApplicationContext context : open) {
			if (context.isActive()) {
				context.close();
			}
		}
		Started<S> current;
		synchronized (this) {
			current = this.started;
			this.started = null;
		}
		if (current != null) {
			current.stop().run();
		}
	}

	static void shutdownAll() {
		List<SharedTestServer<?>> servers = new ArrayList<>(all);
		Collections.reverse(servers);
		servers.forEach(SharedTestServer::shutdown);
	}

	/**
	 * A started server and how to stop it.
	 *
	 * @param <S> what the server is to its tests
	 * @param server the server's coordinates
	 * @param stop stops it; run at most once, so it may also be a JVM shutdown hook
	 */
	public record Started<S>(S server, Runnable stop) {

		public Started {
			stop = once(stop);
		}

		private static Runnable once(Runnable action) {
			AtomicBoolean done = new AtomicBoolean();
			return () -> {
				if (done.compareAndSet(false, true)) {
					action.run();
				}
			};
		}

	}

	/**
	 * Forgets a context once it closed (evicted from the context cache, say).
	 */
	private final class ClosedListener implements ApplicationListener<ContextClosedEvent> {

		private final ConfigurableApplicationContext context;

		ClosedListener(ConfigurableApplicationContext context) {
			this.context = context;
		}

		@Override
		public void onApplicationEvent(ContextClosedEvent event) {
			if (event.getApplicationContext() == this.context) {
				synchronized (SharedTestServer.this.contexts) {
					SharedTestServer.this.contexts.remove(this.context);
				}
			}
		}

	}

}

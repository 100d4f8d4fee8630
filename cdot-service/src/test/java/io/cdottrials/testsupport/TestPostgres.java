package io.cdottrials.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The one PostgreSQL server of a test JVM, shared by every test class. Each Spring
 * application context gets a database of its own on it, so contexts never see each
 * other's rows.
 * <p>
 * The server outlives every context that uses it: when the test run ends
 * ({@link TestPostgresSessionListener}) the contexts still open (Spring's test context
 * cache keeps them until the JVM exits) are closed first, then the server stops. Were
 * both left to JVM shutdown hooks, they would run concurrently, and closing contexts
 * would wait for a database that is already gone.
 * <p>
 * Embedded (zonky) by default; Testcontainers when the system property
 * {@code cdot.test.postgres} or the environment variable {@code CDOT_TEST_POSTGRES} is
 * {@code testcontainers}.
 */
public final class TestPostgres {

	private static final AtomicInteger databases = new AtomicInteger();

	private static final Set<ConfigurableApplicationContext> contexts = new LinkedHashSet<>();

	private static volatile @Nullable Server server;

	private TestPostgres() {
	}

	/**
	 * Creates a new, empty database and answers its coordinates.
	 * @return the JDBC URL, user and password of the new database
	 */
	public static Database newDatabase() {
		Server server = server();
		String name = "test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
		try (Connection connection = server.admin().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name, ex);
		}
		return new Database(server.jdbcUrl(name), server.username(), server.password());
	}

	/**
	 * A connection source to the server's {@code postgres} database, as superuser.
	 * @return the data source
	 */
	static DataSource admin() {
		return server().admin();
	}

	static int port() {
		return server().port();
	}

	/**
	 * Records that a context uses a database of this server, so that it is closed before
	 * the server stops.
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
		TestPostgresReplica.stop();
		Server current;
		synchronized (TestPostgres.class) {
			current = server;
			server = null;
		}
		if (current != null) {
			current.stop().run();
		}
	}

	private static Server server() {
		Server current = server;
		if (current == null) {
			synchronized (TestPostgres.class) {
				current = server;
				if (current == null) {
					current = start();
					server = current;
				}
			}
		}
		return current;
	}

	private static Server start() {
		String mode = System.getProperty("cdot.test.postgres",
				System.getenv().getOrDefault("CDOT_TEST_POSTGRES", "embedded"));
		return switch (mode.toLowerCase(Locale.ROOT)) {
			case "testcontainers" -> startContainer();
			case "embedded" -> startEmbedded();
			default -> throw new IllegalArgumentException(
					"cdot.test.postgres must be 'embedded' or 'testcontainers', not '" + mode + "'");
		};
	}

	private static Server startEmbedded() {
		try {
			// zonky stops the server in a JVM shutdown hook of its own too: the fallback
			// when the run ends without TestPostgresSessionListener
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			return new Server("localhost", postgres.getPort(), "postgres", "postgres", () -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Could not stop embedded PostgreSQL", ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
		}
	}

	private static Server startContainer() {
		PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
		container.start();
		return new Server(container.getHost(), container.getMappedPort(5432), container.getUsername(),
				container.getPassword(), container::stop);
	}

	/**
	 * Coordinates of one test database.
	 *
	 * @param url the JDBC URL
	 * @param username the user name
	 * @param password the password
	 */
	public record Database(String url, String username, String password) {
	}

	private record Server(String host, int port, String username, String password, Runnable stop) {

		String jdbcUrl(String database) {
			return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + database;
		}

		DataSource admin() {
			return new SimpleDriverDataSource(new org.postgresql.Driver(), jdbcUrl("postgres"), this.username,
					this.password);
		}

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

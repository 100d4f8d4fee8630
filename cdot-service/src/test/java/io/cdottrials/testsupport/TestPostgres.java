package io.cdottrials.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The one PostgreSQL server of a test JVM, shared by every test class. Each Spring
 * application context gets a database of its own on it, so contexts never see each
 * other's rows.
 * <p>
 * Embedded (zonky) by default; Testcontainers when the system property
 * {@code cdot.test.postgres} or the environment variable {@code CDOT_TEST_POSTGRES} is
 * {@code testcontainers}.
 */
public final class TestPostgres {

	private static final AtomicInteger databases = new AtomicInteger();

	private static volatile Server server;

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
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// the JVM is going away; nothing left to tell
				}
			}));
			return new Server("localhost", postgres.getPort(), "postgres", "postgres");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
		}
	}

	private static Server startContainer() {
		PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
		container.start();
		return new Server(container.getHost(), container.getMappedPort(5432), container.getUsername(),
				container.getPassword());
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

	private record Server(String host, int port, String username, String password) {

		String jdbcUrl(String database) {
			return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + database;
		}

		DataSource admin() {
			return new SimpleDriverDataSource(new org.postgresql.Driver(), jdbcUrl("postgres"), this.username,
					this.password);
		}

	}

}

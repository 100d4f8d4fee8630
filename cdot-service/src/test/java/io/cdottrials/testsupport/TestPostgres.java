package io.cdottrials.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.cdottrials.testsupport.server.SharedTestServer;
import io.cdottrials.testsupport.server.SharedTestServer.Started;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The one PostgreSQL server of a test JVM, shared by every test class. Each Spring
 * application context gets a database of its own on it, so contexts never see each
 * other's rows. It stops after the last context that uses it ({@link SharedTestServer}).
 * <p>
 * Embedded (zonky) by default; Testcontainers when the system property
 * {@code cdot.test.postgres} or the environment variable {@code CDOT_TEST_POSTGRES} is
 * {@code testcontainers}.
 */
public final class TestPostgres {

	private static final AtomicInteger databases = new AtomicInteger();

	private static final SharedTestServer<Server> server = SharedTestServer.embeddedOrContainer("cdot.test.postgres",
			"CDOT_TEST_POSTGRES", TestPostgres::startEmbedded, TestPostgres::startContainer);

	private TestPostgres() {
	}

	/**
	 * Creates a new, empty database and answers its coordinates.
	 * @return the JDBC URL, user and password of the new database
	 */
	public static Database newDatabase() {
		Server server = TestPostgres.server.get();
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
		return server.get().admin();
	}

	static int port() {
		return server.get().port();
	}

	/**
	 * Records that a context uses a database of this server, so that it is closed before
	 * the server stops.
	 * @param context the context
	 */
	public static void usedBy(ConfigurableApplicationContext context) {
		server.usedBy(context);
	}

	private static Started<Server> startEmbedded() {
		try {
			// zonky stops the server in a JVM shutdown hook of its own too: the fallback
			// when the run ends without the session listener
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			return new Started<>(new Server("localhost", postgres.getPort(), "postgres", "postgres"), () -> {
				// a streaming replica of this server, where a test started one, goes
				// first
				TestPostgresReplica.stop();
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

	private static Started<Server> startContainer() {
		PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
		container.start();
		return new Started<>(new Server(container.getHost(), container.getMappedPort(5432), container.getUsername(),
				container.getPassword()), container::stop);
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

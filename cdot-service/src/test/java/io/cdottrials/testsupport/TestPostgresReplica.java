package io.cdottrials.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A PostgreSQL streaming replica of the shared {@link TestPostgres} server, started on
 * first use from the same zonky binaries. The zonky bundle has no {@code pg_basebackup},
 * so the base backup is taken with PostgreSQL's low-level API ({@code pg_backup_start}, a
 * file copy, {@code pg_backup_stop}), and the copy starts as a hot standby streaming from
 * a replication slot of the primary (initdb's {@code pg_hba.conf} already trusts
 * replication connections on loopback).
 */
public final class TestPostgresReplica {

	private static final String SLOT = "cdot_test_replica";

	/** Not copied: the primary's process files and its WAL (the slot streams it). */
	private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

	private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp");

	private static volatile @Nullable Replica replica;

	private TestPostgresReplica() {
	}

	/**
	 * The JDBC URL of a database on the replica, once the replica has replayed its
	 * creation.
	 * @param primaryUrl the database's URL on the primary
	 * @return its URL on the replica
	 */
	public static String urlOf(String primaryUrl) {
		Replica current = replica();
		awaitReplayed();
		return "jdbc:postgresql://localhost:" + current.postgres().getPort()
				+ primaryUrl.substring(primaryUrl.lastIndexOf('/'));
	}

	/** Waits until the replica has replayed everything the primary wrote so far. */
	public static void awaitReplayed() {
		String lsn = new JdbcTemplate(TestPostgres.admin()).queryForObject("select pg_current_wal_lsn()::text",
				String.class);
		JdbcTemplate standby = new JdbcTemplate(replica().admin());
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> Boolean.TRUE.equals(standby.queryForObject(
					"select pg_wal_lsn_diff(pg_last_wal_replay_lsn(), ?::pg_lsn) >= 0", Boolean.class, lsn)));
	}

	/**
	 * Stops applying the primary's changes: the replica lags until {@link #resumeReplay}.
	 */
	public static void pauseReplay() {
		new JdbcTemplate(replica().admin()).execute("select pg_wal_replay_pause()");
	}

	public static void resumeReplay() {
		new JdbcTemplate(replica().admin()).execute("select pg_wal_replay_resume()");
	}

	/** Stops the replica, if it was started; before the primary stops. */
	static void stop() {
		Replica current;
		synchronized (TestPostgresReplica.class) {
			current = replica;
			replica = null;
		}
		if (current != null) {
			try {
				current.postgres().close();
				deleteTree(current.directory());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not stop the replica", ex);
			}
		}
	}

	private static Replica replica() {
		Replica current = replica;
		if (current == null) {
			synchronized (TestPostgresReplica.class) {
				current = replica;
				if (current == null) {
					current = start();
					replica = current;
				}
			}
		}
		return current;
	}

	private static Replica start() {
		DataSource primary = TestPostgres.admin();
		try (Connection connection = primary.getConnection(); Statement statement = connection.createStatement()) {
			Path directory = Files.createTempDirectory("cdot-test-replica");
			statement.execute("select pg_create_physical_replication_slot('" + SLOT + "', true)");
			Path source = Path.of(single(statement, "show data_directory"));
			// the backup's start, copy and stop happen on this one connection
			statement.execute("select pg_backup_start('cdot-test-replica', true)");
			copy(source, directory);
			try (ResultSet stop = statement.executeQuery("select labelfile from pg_backup_stop(false)")) {
				stop.next();
				Files.writeString(directory.resolve("backup_label"), stop.getString(1));
			}
			Files.createFile(directory.resolve("standby.signal"));
			Files.writeString(
					directory.resolve("postgresql.auto.conf"), "\nprimary_conninfo = 'host=localhost port="
							+ TestPostgres.port() + " user=postgres'\n" + "primary_slot_name = '" + SLOT + "'\n",
					StandardOpenOption.APPEND);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				.start();
			return new Replica(postgres, directory);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not take the replica's base backup", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the replica", ex);
		}
	}

	private static String single(Statement statement, String sql) throws SQLException {
		try (ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	private static void copy(Path source, Path target) throws IOException {
		Files.walkFileTree(source, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
				Files.createDirectories(target.resolve(source.relativize(dir)));
				boolean emptied = dir.getParent() != null && dir.getParent().equals(source)
						&& EMPTIED.contains(dir.getFileName().toString());
				if (emptied && dir.getFileName().toString().equals("pg_wal")) {
					Files.createDirectories(target.resolve("pg_wal/archive_status"));
				}
				return emptied ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				if (!SKIPPED.contains(file.getFileName().toString())) {
					try {
						Files.copy(file, target.resolve(source.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
					}
					catch (NoSuchFileException ex) {
						// a temporary file the primary removed meanwhile: WAL replay
						// does not need it
					}
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
				if (ex instanceof NoSuchFileException) {
					return FileVisitResult.CONTINUE;
				}
				throw ex;
			}

		});
	}

	private static void deleteTree(Path directory) throws IOException {
		if (Files.exists(directory)) {
			try (Stream<Path> paths = Files.walk(directory)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(path);
				}
			}
		}
	}

	private record Replica(EmbeddedPostgres postgres, Path directory) {

		DataSource admin() {
			return new SimpleDriverDataSource(new org.postgresql.Driver(),
					"jdbc:postgresql://localhost:" + this.postgres.getPort() + "/postgres", "postgres", "postgres");
		}

	}

}

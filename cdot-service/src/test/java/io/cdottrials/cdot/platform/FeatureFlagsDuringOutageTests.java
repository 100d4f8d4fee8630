package io.cdottrials.cdot.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The flag store on a PostgreSQL server of its own, stopped and started again on the same
 * port and data directory: a database outage must not make a flag read fail (a 500 of its
 * own) or fall back to the flag's default.
 */
class FeatureFlagsDuringOutageTests {

	@TempDir
	Path work;

	private EmbeddedPostgres postgres;

	private FeatureFlags flags;

	@BeforeEach
	void startDatabase() throws IOException {
		this.postgres = start(0);
		Flyway.configure()
			.dataSource(this.postgres.getPostgresDatabase())
			.locations("classpath:db/migration")
			.target("1")
			.load()
			.migrate();
		this.flags = FeatureFlags.jdbc(this.postgres.getPostgresDatabase());
	}

	@AfterEach
	void stopDatabase() throws IOException {
		this.postgres.close();
	}

	@Test
	void aFlagKeepsItsLastKnownStateWhileTheDatabaseIsDownAndFollowsItAgainAfter() throws IOException {
		this.flags.set("trial_offer", false);
		assertThat(this.flags.isActive("trial_offer", true)).isFalse();

		int port = this.postgres.getPort();
		this.postgres.close();

		assertThat(this.flags.isActive("trial_offer", true)).as("last known state, not the default").isFalse();
		assertThat(this.flags.cached(Duration.ZERO).isActive("trial_offer", true)).isFalse();
		assertThat(this.flags.isActive("never_read", true)).as("a flag never read answers its default").isTrue();

		this.postgres = start(port);
		this.flags.set("trial_offer", true);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.flags.isActive("trial_offer", false));
	}

	private EmbeddedPostgres start(int port) throws IOException {
		Path data = this.work.resolve("postgres");
		Files.createDirectories(data);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false);
		return ((port != 0) ? builder.setPort(port) : builder).start();
	}

}

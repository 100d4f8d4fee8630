package io.cdottrials.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.cdottrials.cdot.CdotApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole product on one machine with nothing but a JDK: an embedded PostgreSQL,
 * cdot-service on port 8080 syncing the bundled demo catalog from the file source.
 */
public final class LocalLauncher {

	private LocalLauncher() {
	}

	public static void main(String[] args) throws IOException {
		Path dataDirectory = Files.createTempDirectory("cdot-trials-local");
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory.resolve("postgres"))
			.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
		String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
		ConfigurableApplicationContext cdot = new SpringApplicationBuilder(CdotApplication.class)
			.properties(Map.of("spring.datasource.url", jdbcUrl, "spring.datasource.username", "postgres",
					"spring.datasource.password", "postgres"))
			.profiles("local")
			.run(args);
		cdot.registerShutdownHook();
	}

	private static void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			// the JVM is going away; nothing left to tell
		}
	}

}

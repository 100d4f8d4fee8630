package io.cdottrials.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Finds the services' production jars in the build output of the repository the launcher
 * was built in.
 */
final class RepositoryLayout {

	private RepositoryLayout() {
	}

	static Path locate() {
		Path start = launcherLocation();
		for (Path candidate = start; candidate != null; candidate = candidate.getParent()) {
			if (Files.isDirectory(candidate.resolve("cdot-service"))
					&& Files.isDirectory(candidate.resolve("gitlab-service"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("Run the launcher from the cdot-trials repository (looked upwards from " + start
				+ "); build it with ./mvnw -DskipTests package");
	}

	static Path cdotJar(Path repository) {
		return execJar(repository.resolve("cdot-service/target"), "cdot-service-");
	}

	static Path gitlabJar(Path repository) {
		return execJar(repository.resolve("gitlab-service/target"), "gitlab-service-");
	}

	private static Path execJar(Path target, String prefix) {
		try (Stream<Path> files = Files.list(target)) {
			return files
				.filter((file) -> file.getFileName().toString().startsWith(prefix)
						&& file.getFileName().toString().endsWith("-exec.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"No " + prefix + "*-exec.jar in " + target + "; build with ./mvnw -DskipTests package"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + target + "; build with ./mvnw -DskipTests package", ex);
		}
	}

	private static Path launcherLocation() {
		// With java -jar, the class path is the launcher jar itself.
		String classPath = System.getProperty("java.class.path", "");
		String first = classPath.split(java.io.File.pathSeparator)[0];
		return first.isEmpty() ? Path.of("").toAbsolutePath() : Path.of(first).toAbsolutePath();
	}

}

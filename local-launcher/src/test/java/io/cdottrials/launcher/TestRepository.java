package io.cdottrials.launcher;

import java.nio.file.Path;

/**
 * The repository the tests run in, for tests outside this package that read its files
 * ({@code ops/}, {@code docs/}, the CI and compose files).
 */
public final class TestRepository {

	private TestRepository() {
	}

	public static Path root() {
		return RepositoryLayout.locate();
	}

}

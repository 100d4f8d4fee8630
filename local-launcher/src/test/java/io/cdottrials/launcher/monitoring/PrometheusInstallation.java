package io.cdottrials.launcher.monitoring;

import java.nio.file.Path;
import java.util.List;

import io.cdottrials.testsupport.debian.DebianPackage;

/**
 * Debian's {@code prometheus} package ({@code /usr/bin/prometheus},
 * {@code /usr/bin/promtool}), installed with apt-get when absent ({@link DebianPackage}).
 */
public final class PrometheusInstallation {

	public static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");

	public static final Path PROMTOOL = Path.of("/usr/bin/promtool");

	private static final DebianPackage PACKAGE = new DebianPackage("monitoring tests", List.of("prometheus"),
			PROMETHEUS, PROMTOOL);

	private PrometheusInstallation() {
	}

	/**
	 * Makes sure both binaries are there.
	 * @throws AssertionError naming the reason and the command to run by hand when they
	 * cannot be installed
	 */
	public static void ensureInstalled() {
		PACKAGE.ensureInstalled();
	}

}

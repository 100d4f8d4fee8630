package io.cdottrials.launcher.monitoring;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code prometheus} package ({@code /usr/bin/prometheus},
 * {@code /usr/bin/promtool}), installed with apt-get when absent: CI and developers run
 * the tests as root on Debian, and the test command must need nothing installed by hand.
 * Never skipped: a machine that cannot install it fails the tests with what to do.
 */
public final class PrometheusInstallation {

	public static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");

	public static final Path PROMTOOL = Path.of("/usr/bin/promtool");

	// one lock for every test JVM of the machine (parallel forks, other checkouts)
	private static final Path LOCK = Path.of(System.getProperty("java.io.tmpdir"), "cdot-trials-prometheus.lock");

	// Debian's hook for "do not start services now": the package's postinst would start
	// its own Prometheus on :9090 where an init system runs
	private static final Path POLICY = Path.of("/usr/sbin/policy-rc.d");

	private PrometheusInstallation() {
	}

	/**
	 * Makes sure both binaries are there.
	 * @throws AssertionError naming the reason and the command to run by hand when they
	 * cannot be installed
	 */
	public static synchronized void ensureInstalled() {
		if (installed()) {
			return;
		}
		try (FileChannel channel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
				FileLock lock = channel.lock()) {
			if (!installed()) {
				install();
			}
		}
		catch (IOException ex) {
			throw new AssertionError(advice("could not install it: " + ex.getMessage()), ex);
		}
		if (!installed()) {
			throw new AssertionError(advice("apt-get finished but " + PROMETHEUS + " or " + PROMTOOL + " is missing"));
		}
	}

	private static boolean installed() {
		return Files.isExecutable(PROMETHEUS) && Files.isExecutable(PROMTOOL);
	}

	private static void install() throws IOException {
		boolean policyAdded = false;
		if (!Files.exists(POLICY)) {
			Files.writeString(POLICY,
					"#!/bin/sh\n# added by cdot-trials' tests while installing prometheus\nexit 101\n");
			Files.setPosixFilePermissions(POLICY, PosixFilePermissions.fromString("rwxr-xr-x"));
			policyAdded = true;
		}
		try {
			run(List.of("apt-get", "update"));
			run(List.of("apt-get", "install", "-y", "--no-install-recommends", "prometheus"));
		}
		finally {
			if (policyAdded) {
				Files.deleteIfExists(POLICY);
			}
		}
	}

	private static void run(List<String> command) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
		Process process = builder.start();
		String output;
		try {
			output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(10, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IOException(String.join(" ", command) + " took more than 10 minutes");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IOException("interrupted during " + String.join(" ", command), ex);
		}
		if (process.exitValue() != 0) {
			throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + output);
		}
	}

	private static String advice(String reason) {
		return "The monitoring tests need Debian's prometheus package (" + PROMETHEUS + ", " + PROMTOOL + ") and "
				+ reason + ". Install it as root: apt-get update && apt-get install -y "
				+ "--no-install-recommends prometheus";
	}

}

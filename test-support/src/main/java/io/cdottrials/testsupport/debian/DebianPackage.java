package io.cdottrials.testsupport.debian;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Debian package whose programs a test runs, installed with apt-get when one of them is
 * absent: CI and developers run the tests as root on Debian, and the test command must
 * need nothing installed by hand. Never skipped: a machine that cannot install it fails
 * the tests with the command to run by hand.
 *
 * <pre class="code">
 * static final DebianPackage REDIS = new DebianPackage("Redis Cluster tests", List.of("redis-server"),
 * 		Path.of("/usr/bin/redis-server"), Path.of("/usr/bin/redis-cli"));
 * REDIS.ensureInstalled();
 * </pre>
 *
 * @param purpose which tests need it, for the failure message
 * @param packages the Debian packages to install
 * @param programs the programs that must be executable afterwards
 */
public record DebianPackage(String purpose, List<String> packages, List<Path> programs) {

	// one lock for every test JVM of the machine (parallel forks, other checkouts)
	private static final Path LOCK = Path.of(System.getProperty("java.io.tmpdir"), "cdot-trials-apt.lock");

	// Debian's hook for "do not start services now": a package's postinst would start its
	// own server (Redis on :6379, Prometheus on :9090) where an init system runs
	private static final Path POLICY = Path.of("/usr/sbin/policy-rc.d");

	public DebianPackage(String purpose, List<String> packages, Path... programs) {
		this(purpose, packages, List.of(programs));
	}

	/**
	 * Makes sure every program is there.
	 * @throws AssertionError naming the reason and the command to run by hand when the
	 * packages cannot be installed
	 */
	public void ensureInstalled() {
		if (installed()) {
			return;
		}
		synchronized (DebianPackage.class) {
			try (FileChannel channel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
					FileLock lock = channel.lock()) {
				if (!installed()) {
					install();
				}
			}
			catch (IOException ex) {
				throw new AssertionError(advice("could not install it: " + ex.getMessage()), ex);
			}
		}
		if (!installed()) {
			throw new AssertionError(advice("apt-get finished but one of " + this.programs + " is missing"));
		}
	}

	private boolean installed() {
		return this.programs.stream().allMatch(Files::isExecutable);
	}

	private void install() throws IOException {
		boolean policyAdded = false;
		if (!Files.exists(POLICY)) {
			Files.writeString(POLICY,
					"#!/bin/sh\n# added by cdot-trials' tests while installing " + this.packages + "\nexit 101\n");
			Files.setPosixFilePermissions(POLICY, PosixFilePermissions.fromString("rwxr-xr-x"));
			policyAdded = true;
		}
		try {
			run(List.of("apt-get", "update"));
			List<String> command = new ArrayList<>(List.of("apt-get", "install", "-y", "--no-install-recommends"));
			command.addAll(this.packages);
			run(command);
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

	private String advice(String reason) {
		return "The " + this.purpose + " need Debian's " + String.join(", ", this.packages) + " (" + this.programs
				+ ") and " + reason + ". Install as root: apt-get update && apt-get install -y --no-install-recommends "
				+ String.join(" ", this.packages);
	}

}

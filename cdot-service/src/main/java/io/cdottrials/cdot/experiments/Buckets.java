package io.cdottrials.cdot.experiments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A namespace's bucket in an experiment: SHA-256 of {@code key + ":" + namespaceId}, its
 * first eight bytes modulo {@link #COUNT}. The same on every replica and every call, and
 * independent between experiments (another key, another split).
 */
final class Buckets {

	/** Buckets 0 to 9999: a rollout is granular to 0.01 %. */
	static final int COUNT = 10_000;

	private Buckets() {
	}

	static int of(String experimentKey, long namespaceId) {
		byte[] digest = sha256().digest((experimentKey + ":" + namespaceId).getBytes(StandardCharsets.UTF_8));
		long high = 0;
		for (int i = 0; i < Long.BYTES; i++) {
			high = (high << 8) | (digest[i] & 0xff);
		}
		return (int) Math.floorMod(high, (long) COUNT);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			// every Java platform must provide SHA-256
			throw new IllegalStateException(ex);
		}
	}

}

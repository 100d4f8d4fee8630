package io.cdottrials.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * The {@code X-CDot-Signature} header of CDot's webhooks:
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}. Part of the wire
 * contract, so both sides compute it with this one class.
 */
public final class WebhookSignature {

	/** The header that carries the signature. */
	public static final String HEADER = "X-CDot-Signature";

	/** How old a signed timestamp may be before the receiver rejects it. */
	public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

	private WebhookSignature() {
	}

	/**
	 * Signs a body.
	 * @param secret the shared secret
	 * @param body the exact bytes sent
	 * @param timestamp when the body is signed
	 * @return the header value
	 */
	public static String sign(String secret, byte[] body, Instant timestamp) {
		long seconds = timestamp.getEpochSecond();
		return "t=" + seconds + ",v1=" + HexFormat.of().formatHex(hmac(secret, seconds, body));
	}

	/**
	 * Verifies a header against a body, in constant time.
	 * @param secret the shared secret
	 * @param header the header value received, possibly {@code null}
	 * @param body the exact bytes received
	 * @param now the receiver's clock
	 * @param tolerance how far a timestamp may be behind or ahead of {@code now} (clock
	 * skew between the two sides)
	 * @return what the receiver should conclude
	 */
	public static Verdict verify(String secret, @Nullable String header, byte[] body, Instant now, Duration tolerance) {
		if (header == null) {
			return Verdict.MISSING;
		}
		Long timestamp = null;
		byte[] given = null;
		for (String part : header.split(",")) {
			String[] pair = part.trim().split("=", 2);
			if (pair.length != 2) {
				continue;
			}
			try {
				if (pair[0].equals("t")) {
					timestamp = Long.parseLong(pair[1]);
				}
				else if (pair[0].equals("v1")) {
					given = HexFormat.of().parseHex(pair[1]);
				}
			}
			catch (IllegalArgumentException ex) {
				return Verdict.MALFORMED;
			}
		}
		if (timestamp == null || given == null) {
			return Verdict.MALFORMED;
		}
		if (!MessageDigest.isEqual(hmac(secret, timestamp, body), given)) {
			return Verdict.BAD_SIGNATURE;
		}
		long age = now.getEpochSecond() - timestamp;
		if (age > tolerance.toSeconds()) {
			return Verdict.EXPIRED;
		}
		if (-age > tolerance.toSeconds()) {
			// a sender's clock far ahead, or a signature made to outlive the window: not
			// "too old", and the receiver's answer must say which
			return Verdict.FROM_THE_FUTURE;
		}
		return Verdict.VALID;
	}

	private static byte[] hmac(String secret, long seconds, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((seconds + ".").getBytes(StandardCharsets.UTF_8));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/** What a receiver concludes from a signature header. */
	public enum Verdict {

		/** Signed with the secret, within the tolerance. */
		VALID,
		/** No header. */
		MISSING,
		/** A header that is not {@code t=...,v1=...}. */
		MALFORMED,
		/** Not signed with the secret, or the body was changed. */
		BAD_SIGNATURE,
		/** Signed correctly, but longer ago than the tolerance. */
		EXPIRED,
		/**
		 * Signed correctly, but further ahead of the receiver's clock than the tolerance.
		 */
		FROM_THE_FUTURE

	}

}

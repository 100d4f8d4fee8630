package io.cdottrials.gitlab.service;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads request bodies with an upper bound, so that a huge body is a 400 rather than a
 * memory problem.
 */
final class RequestBodies {

	/** Far more than 1000 ids need; far less than what would hurt. */
	static final int MAX_BYTES = 64 * 1024;

	private RequestBodies() {
	}

	static byte[] read(HttpServletRequest request) {
		if (request.getContentLengthLong() > MAX_BYTES) {
			throw tooLarge();
		}
		try {
			byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
			if (body.length > MAX_BYTES) {
				throw tooLarge();
			}
			return body;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ApiException tooLarge() {
		return ApiException.badRequest("the body must not be larger than " + MAX_BYTES + " bytes");
	}

}

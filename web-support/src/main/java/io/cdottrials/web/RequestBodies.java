package io.cdottrials.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads a request body a controller parses itself with an upper bound, so that a huge
 * body is a 400 rather than a memory problem.
 */
public final class RequestBodies {

	/** Far more than 1000 ids need; far less than what would hurt. */
	public static final int DEFAULT_MAX_BYTES = 64 * 1024;

	private RequestBodies() {
	}

	/**
	 * Reads the whole body, at most {@link #DEFAULT_MAX_BYTES}.
	 * @param request the request
	 * @return the body
	 */
	public static byte[] read(HttpServletRequest request) {
		return read(request, DEFAULT_MAX_BYTES);
	}

	/**
	 * Reads the whole body.
	 * @param request the request
	 * @param maxBytes the largest body accepted
	 * @return the body
	 */
	public static byte[] read(HttpServletRequest request, int maxBytes) {
		if (request.getContentLengthLong() > maxBytes) {
			throw tooLarge(maxBytes);
		}
		try {
			byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
			if (body.length > maxBytes) {
				throw tooLarge(maxBytes);
			}
			return body;
		}
		catch (IOException ex) {
			// the client went away or sent less than it announced
			throw ApiException.badRequest("the body could not be read");
		}
	}

	private static ApiException tooLarge(int maxBytes) {
		return ApiException.badRequest("the body must not be larger than " + maxBytes + " bytes");
	}

}

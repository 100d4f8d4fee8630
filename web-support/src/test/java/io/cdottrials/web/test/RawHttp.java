package io.cdottrials.web.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a request exactly as written, byte for byte, over a socket: what an HTTP client
 * library would refuse to send (a malformed percent-encoding, a NUL byte, a header larger
 * than the server takes). A server that does not answer within {@link #READ_TIMEOUT} is a
 * failure, never a hung test.
 */
public final class RawHttp {

	/** Longer than any answer of ours takes, short enough that a hang fails fast. */
	public static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

	private static final JsonMapper json = JsonMapper.builder().build();

	private RawHttp() {
	}

	/**
	 * Sends a request and reads the answer to the end (the request asks to close).
	 * @param port the local port
	 * @param method the method, as sent
	 * @param target the request target, as sent
	 * @param headers header lines, as sent; {@code Host} and {@code Connection} are added
	 * @param body the body; {@code Content-Length} is added when not {@code null}
	 * @return the answer
	 */
	public static Reply send(int port, String method, String target, Map<String, String> headers,
			byte @Nullable [] body) {
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		if (body != null) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("Connection: close\r\n\r\n");
		request.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		if (body != null) {
			request.writeBytes(body);
		}
		return send(port, request.toByteArray());
	}

	/**
	 * Sends bytes and reads the answer to the end.
	 * @param port the local port
	 * @param request the whole request
	 * @return the answer
	 */
	public static Reply send(int port, byte[] request) {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request);
				out.flush();
			}
			catch (IOException ex) {
				// the server may answer and close before it has read everything we send
			}
			return parse(readAll(socket.getInputStream()));
		}
		catch (SocketTimeoutException ex) {
			throw new AssertionError("No answer within " + READ_TIMEOUT, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				bytes.write(buffer, 0, read);
			}
		}
		catch (SocketTimeoutException ex) {
			throw ex;
		}
		catch (IOException ex) {
			// a reset after the answer: what was read is the answer
		}
		return bytes.toByteArray();
	}

	private static Reply parse(byte[] raw) {
		String text = new String(raw, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (!text.startsWith("HTTP/1.1 ") || end < 0) {
			return new Reply(0, Map.of(), text);
		}
		int status = Integer.parseInt(text.substring(9, 12));
		Map<String, String> headers = new LinkedHashMap<>();
		text.substring(0, end).lines().skip(1).forEach((line) -> {
			int colon = line.indexOf(':');
			if (colon > 0) {
				headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
			}
		});
		byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = unchunk(body);
		}
		return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] unchunk(byte[] chunked) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int at = 0;
		while (at < chunked.length) {
			int lineEnd = indexOfCrlf(chunked, at);
			if (lineEnd < 0) {
				break;
			}
			String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
			int length = Integer.parseInt(size, 16);
			if (length == 0) {
				break;
			}
			int start = lineEnd + 2;
			body.write(chunked, start, Math.min(length, chunked.length - start));
			at = start + length + 2;
		}
		return body.toByteArray();
	}

	private static int indexOfCrlf(byte[] bytes, int from) {
		for (int i = from; i < bytes.length - 1; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				return i;
			}
		}
		return -1;
	}

	/**
	 * An answer as it came over the wire.
	 *
	 * @param status the status code, 0 when the server closed without an HTTP answer
	 * @param headers header values by lower-case name
	 * @param body the body, de-chunked
	 */
	public record Reply(int status, Map<String, String> headers, String body) {

		public @Nullable String contentType() {
			return this.headers.get("content-type");
		}

		/**
		 * The body as JSON, or {@code null} when it is not JSON.
		 * @return the parsed body
		 */
		public @Nullable JsonNode json() {
			try {
				return json.readTree(this.body);
			}
			catch (RuntimeException ex) {
				return null;
			}
		}

	}

}

package io.cdottrials.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replays the requests of {@code src/test/resources/gitlab-contract/} byte for byte over
 * a socket, as Ruby's Net::HTTP sends them: no Java HTTP client rewrites the request line
 * (it would refuse GitLab's unencoded {@code []}) or adds headers GitLab does not send.
 */
public final class GitlabWire {

	private static final String DIRECTORY = "gitlab-contract/";

	private GitlabWire() {
	}

	/**
	 * Sends one fixture with its placeholders filled in.
	 * @param port the service's port
	 * @param fixture the file name under {@code gitlab-contract/}
	 * @param values placeholder values by name, e.g. {@code namespace_id}
	 * @return the service's answer
	 */
	public static Reply replay(int port, String fixture, Map<String, Object> values) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("port", port);
		all.put("admin_email", "gitlab@example.com");
		all.put("admin_token", "test-gitlab-token");
		all.put("uid", 42);
		all.putAll(values);
		String request = fill(request(read(fixture)), all);
		int split = request.indexOf("\n\n");
		String head = request.substring(0, split).replace("\n", "\r\n");
		byte[] body = request.substring(split + 2).strip().getBytes(StandardCharsets.UTF_8);
		String wire = head + ((body.length > 0) ? "\r\nContent-Length: " + body.length : "") + "\r\n\r\n";
		try (Socket socket = new Socket("localhost", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(wire.getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			return Reply.parse(socket.getInputStream().readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The {@code # GitLab:} lines of a fixture: the GitLab files it was written from.
	 * @param fixture the file name under {@code gitlab-contract/}
	 * @return the named sources, without the prefix
	 */
	public static List<String> sources(String fixture) {
		return read(fixture).lines()
			.takeWhile((line) -> line.startsWith("#"))
			.filter((line) -> line.startsWith("# GitLab: "))
			.map((line) -> line.substring("# GitLab: ".length()))
			.toList();
	}

	/**
	 * The request line of a fixture.
	 * @param fixture the file name under {@code gitlab-contract/}
	 * @return e.g. {@code POST /trials HTTP/1.1}
	 */
	public static String requestLine(String fixture) {
		return request(read(fixture)).lines().findFirst().orElseThrow();
	}

	private static String request(String text) {
		StringBuilder request = new StringBuilder();
		boolean comments = true;
		for (String line : text.lines().toList()) {
			if (comments && line.startsWith("#")) {
				continue;
			}
			comments = false;
			request.append(line).append('\n');
		}
		return request.toString();
	}

	private static String fill(String text, Map<String, Object> values) {
		String filled = text;
		for (Map.Entry<String, Object> value : values.entrySet()) {
			filled = filled.replace("{{" + value.getKey() + "}}", String.valueOf(value.getValue()));
		}
		if (filled.contains("{{")) {
			throw new IllegalArgumentException("A placeholder is left unfilled: " + filled);
		}
		return filled;
	}

	private static String read(String fixture) {
		try (InputStream in = GitlabWire.class.getClassLoader().getResourceAsStream(DIRECTORY + fixture)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + DIRECTORY + fixture);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What the service answered.
	 *
	 * @param status the HTTP status
	 * @param headers the headers, names in lower case
	 * @param body the body, de-chunked
	 */
	public record Reply(int status, Map<String, String> headers, String body) {

		static Reply parse(byte[] bytes) {
			// one char per byte, so that chunk sizes (in bytes) index the text
			String text = new String(bytes, StandardCharsets.ISO_8859_1);
			int split = text.indexOf("\r\n\r\n");
			List<String> head = text.substring(0, split).lines().toList();
			int status = Integer.parseInt(head.get(0).split(" ")[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			head.stream()
				.skip(1)
				.forEach((line) -> headers.put(line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT),
						line.substring(line.indexOf(':') + 1).trim()));
			String body = text.substring(split + 4);
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				body = dechunk(body);
			}
			return new Reply(status, headers,
					new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
		}

		private static String dechunk(String chunked) {
			List<String> parts = new ArrayList<>();
			int at = 0;
			while (true) {
				int lineEnd = chunked.indexOf("\r\n", at);
				int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
				if (size == 0) {
					return String.join("", parts);
				}
				parts.add(chunked.substring(lineEnd + 2, lineEnd + 2 + size));
				at = lineEnd + 2 + size + 2;
			}
		}

	}

}

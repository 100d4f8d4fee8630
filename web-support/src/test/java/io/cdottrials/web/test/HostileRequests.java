package io.cdottrials.web.test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.instancio.Random;
import org.instancio.junit.GivenProvider;

/**
 * Generates hostile requests to a service's endpoints from a seeded random source
 * (Instancio's, so a failing run prints its seed and {@code @Seed} replays it): malformed
 * percent-encodings, NUL and control bytes, invalid UTF-8, huge integers, deep JSON,
 * wrong types and media types, SQL fragments, oversized headers and bodies. Credentials
 * are right most of the time, so that the input reaches the controllers.
 */
public final class HostileRequests {

	private static final List<String> SEGMENTS = List.of("5", "0", "-1", "99999999999999999999", "1.5", "abc", "%ZZ",
			"%", "%00", "%C0%AE", "%2F", "%2e%2e", "..;", "%E2%82%AC", "'%20OR%20'1'='1", "1;DROP%20TABLE%20trial",
			"%0D%0ASet-Cookie:x", "legacy", "ultimate", "x".repeat(300));

	private static final List<String> VALUES = List.of("1", "0", "-7", "1,,2", "", "9223372036854775808",
			"99999999999999999999", "1e9", "0x10", "abc", "%ZZ", "%", "1%2", "%C0%AE", "%00", "%FF%FE", "%u0041",
			"1%00", "'%20OR%201=1--", "1);DELETE%20FROM%20trial;--", "%3Cscript%3E", "[]", "{}", "1".repeat(5000));

	private static final List<String> NAMES = List.of("namespace_ids", "namespace_ids[]", "namespace_ids[", "id", "%ZZ",
			"a%00b", "source", "dry_run", "");

	private static final List<String> FIELDS = List.of("namespace_ids", "trial_type", "uid", "namespace", "name",
			"path", "kind", "glm_source", "items", "product_rate_plan_id", "quantity", "starts_on", "ends_on",
			"enabled", "source", "event", "event_id", "\u0000", "__proto__", "a\"b");

	private static final List<String> STRINGS = List.of("", "ultimate_with_dap", "group", "2026-13-45", "\u0000",
			"\u0001\u0002\u001b[31m", "' OR '1'='1", "1; DROP TABLE trial; --", "\" OR \"\"=\"", "\ud800",
			"<script>alert(1)</script>", "${jndi:ldap://x/a}", "../../etc/passwd", "x".repeat(10_000));

	private static final List<String> MEDIA_TYPES = List.of("application/json", "application/json;charset=UTF-8",
			"application/json;charset=bogus", "application/x-www-form-urlencoded", "text/plain", "application/xml",
			"multipart/form-data; boundary=x", "multipart/form-data", "*/*", "application/", "\u0001", "");

	private static final List<String> ACCEPTS = List.of("*/*", "application/json", "application/problem+json",
			"text/html", "application/xml", "image/png", "garbage", "");

	/**
	 * Not TRACE: Tomcat answers it itself, before any code of ours, and with a bare 400
	 * when it comes with content or a path it refuses (docs/reliability.md).
	 */
	private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND",
			"FOO");

	private final Random random;

	HostileRequests(Random random) {
		this.random = random;
	}

	/**
	 * Hostile requests, spread over the given endpoints.
	 * @param endpoints the service's endpoints
	 * @param credentials the headers that authenticate a request to an endpoint
	 * @param count how many
	 * @return the requests
	 */
	public List<HostileRequest> generate(List<Endpoint> endpoints, Function<Endpoint, Map<String, String>> credentials,
			int count) {
		List<HostileRequest> requests = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			requests.add(next(this.random.oneOf(endpoints), credentials));
		}
		return requests;
	}

	private HostileRequest next(Endpoint endpoint, Function<Endpoint, Map<String, String>> credentials) {
		String method = this.random.trueOrFalse(0.85) ? endpoint.method() : this.random.oneOf(METHODS);
		Map<String, String> headers = new LinkedHashMap<>();
		if (this.random.trueOrFalse(0.85)) {
			headers.putAll(credentials.apply(endpoint));
		}
		else {
			headers.put(this.random.oneOf("Authorization", "X-Admin-Token", "X-CDot-Signature"),
					this.random.oneOf("Bearer ", "Basic %%%", "t=1,v1=00", "\u00ff\u00fe", "x".repeat(200)));
		}
		String contentType = this.random.oneOf(MEDIA_TYPES);
		if (!contentType.isEmpty()) {
			headers.put("Content-Type", contentType);
		}
		String accept = this.random.oneOf(ACCEPTS);
		if (!accept.isEmpty()) {
			headers.put("Accept", accept);
		}
		if (this.random.trueOrFalse(0.03)) {
			headers.put("X-Padding", "a".repeat(70_000));
		}
		boolean sendsBody = endpoint.takesBody() || this.random.trueOrFalse(0.1);
		byte[] body = sendsBody ? body(contentType) : null;
		return new HostileRequest(method, target(endpoint), headers, body);
	}

	private String target(Endpoint endpoint) {
		String path = endpoint.path((variable) -> this.random.trueOrFalse(0.5) ? "5" : this.random.oneOf(SEGMENTS));
		if (this.random.trueOrFalse(0.1)) {
			path += this.random.oneOf("/", "//", "/..", "/%2e%2e/x", ";jsessionid=1", "%00", "/\u00e9", ".json");
		}
		if (this.random.trueOrFalse(0.3)) {
			return path;
		}
		StringBuilder query = new StringBuilder();
		int parameters = this.random.intRange(1, 4);
		for (int i = 0; i < parameters; i++) {
			query.append((i == 0) ? "?" : "&")
				.append(this.random.oneOf(NAMES))
				.append(this.random.trueOrFalse(0.9) ? "=" : "")
				.append(this.random.oneOf(VALUES));
		}
		return path + query;
	}

	private byte[] body(String contentType) {
		if (this.random.trueOrFalse(0.01)) {
			return "{\"a\":\"".concat("x".repeat(3 * 1024 * 1024)).concat("\"}").getBytes(StandardCharsets.UTF_8);
		}
		if (contentType.contains("form") && this.random.trueOrFalse(0.7)) {
			return (this.random.oneOf(NAMES) + "=" + this.random.oneOf(VALUES) + "&" + this.random.oneOf(NAMES)
					+ this.random.oneOf("\u0000=1", "=%", "=\u0001", "=1"))
				.getBytes(StandardCharsets.UTF_8);
		}
		return switch (this.random.intRange(0, 5)) {
			case 0 -> deep(this.random.oneOf(50, 999, 1001, 5_000, 100_000));
			case 1 -> invalidUtf8();
			case 2 -> this.random
				.oneOf("", "null", "[]", "1", "\"x\"", "{", "{\"a\":}", "{'a':1}", "\u0000",
						"{\"namespace_ids\":[1e999999]}", "{\"namespace_ids\":[" + "9".repeat(2000) + "]}")
				.getBytes(StandardCharsets.UTF_8);
			default -> object(2).getBytes(StandardCharsets.UTF_8);
		};
	}

	private byte[] deep(int depth) {
		String open = this.random.trueOrFalse() ? "[" : "{\"a\":";
		String close = open.equals("[") ? "]" : "}";
		return (open.repeat(depth) + "1" + close.repeat(depth)).getBytes(StandardCharsets.UTF_8);
	}

	private byte[] invalidUtf8() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes("{\"trial_type\":\"".getBytes(StandardCharsets.UTF_8));
		bytes.write(this.random.oneOf(0xC0, 0xFF, 0xED, 0x80));
		bytes.write(this.random.oneOf(0xAE, 0xA0, 0x00, 0xFE));
		bytes.writeBytes("\",\"namespace_ids\":[1]}".getBytes(StandardCharsets.UTF_8));
		return bytes.toByteArray();
	}

	private String object(int depth) {
		StringBuilder object = new StringBuilder("{");
		int fields = this.random.intRange(0, 4);
		for (int i = 0; i < fields; i++) {
			object.append((i == 0) ? "" : ",").append(json(this.random.oneOf(FIELDS))).append(':').append(value(depth));
		}
		return object.append('}').toString();
	}

	/**
	 * Any JSON value but a boolean: a valid {@code {"enabled": false}} would switch a
	 * flag.
	 */
	private String value(int depth) {
		return switch (this.random.intRange(0, 7)) {
			case 0 -> "null";
			case 1 ->
				this.random.oneOf("0", "-1", "1.5", "1e308", "-9223372036854775809", "99999999999999999999999", "5");
			case 2 -> json(this.random.oneOf(STRINGS));
			case 3 -> (depth > 0) ? "[" + value(depth - 1) + "," + value(depth - 1) + "]" : "[]";
			case 4 -> (depth > 0) ? object(depth - 1) : "{}";
			case 5 -> "[" + this.random.oneOf("null", "\"1\"", "-4", "1.5", "{}") + "]";
			default -> json(this.random.alphanumeric(this.random.intRange(0, 12)));
		};
	}

	private static String json(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				json.append('\\').append(c);
			}
			else if (c < 0x20) {
				json.append(String.format("\\u%04x", (int) c));
			}
			else {
				json.append(c);
			}
		}
		return json.append('"').toString();
	}

	/**
	 * Hands a test its generator, seeded by Instancio.
	 */
	public static final class Seeded implements GivenProvider {

		@Override
		public Object provide(ElementContext context) {
			return new HostileRequests(context.random());
		}

	}

}

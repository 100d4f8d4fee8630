package io.cdottrials.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A logged-in session of the admin console, as a browser holds it: the session cookie and
 * the CSRF token its forms carry. For tests that send raw requests to the console.
 *
 * @param cookie the {@code JSESSIONID} cookie
 * @param csrfToken the CSRF token of the session
 */
public record ConsoleSession(String cookie, String csrfToken) {

	/** The console account of the tests (config/application.yml). */
	public static final String USERNAME = "support";

	/** Its password. */
	public static final String PASSWORD = "test-console-password";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	/**
	 * Logs in through the login form.
	 * @param port the service's port
	 * @return the session
	 */
	public static ConsoleSession login(int port) {
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		String base = "http://localhost:" + port;
		HttpResponse<String> form = send(http, HttpRequest.newBuilder(URI.create(base + "/console/login")).build());
		String anonymous = cookie(form);
		String body = "username=" + USERNAME + "&password=" + PASSWORD + "&_csrf="
				+ URLEncoder.encode(csrf(form.body()), StandardCharsets.UTF_8);
		HttpResponse<String> loggedIn = send(http,
				HttpRequest.newBuilder(URI.create(base + "/console/login"))
					.header("Cookie", anonymous)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build());
		if (loggedIn.statusCode() != 302
				|| !loggedIn.headers().firstValue("Location").orElse("").endsWith("/console")) {
			throw new AssertionError("login failed: " + loggedIn.statusCode() + " " + loggedIn.headers().map());
		}
		String session = cookie(loggedIn);
		HttpResponse<String> home = send(http,
				HttpRequest.newBuilder(URI.create(base + "/console")).header("Cookie", session).build());
		return new ConsoleSession(session, csrf(home.body()));
	}

	/**
	 * The headers that make a raw request part of this session, forms included.
	 * @return {@code Cookie} and {@code X-CSRF-TOKEN}
	 */
	public Map<String, String> headers() {
		return Map.of("Cookie", this.cookie, "X-CSRF-TOKEN", this.csrfToken);
	}

	private static String csrf(String page) {
		Matcher matcher = CSRF.matcher(page);
		if (!matcher.find()) {
			throw new AssertionError("no CSRF token in the page");
		}
		return matcher.group(1);
	}

	private static String cookie(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("JSESSIONID="))
			.map((cookie) -> cookie.substring(0, cookie.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
	}

	private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}

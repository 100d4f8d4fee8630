package io.cdottrials.web.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.assertj.core.api.SoftAssertions;

/**
 * Every endpoint that needs a credential against every credential but its own: none, a
 * wrong one of its own kind, and each other kind the services know. Each must be a 401 or
 * 403 problem, never a 2xx or a 5xx.
 */
public final class AuthenticationMatrix {

	private AuthenticationMatrix() {
	}

	/**
	 * Sends the matrix and asserts every answer.
	 * @param service the service's name, for the report
	 * @param port the service's port
	 * @param endpoints the endpoints that need a credential
	 * @param required the kind of credential each endpoint needs
	 * @param kinds every kind of credential there is, each with its right value
	 * @return how many requests the matrix sent
	 */
	public static int check(String service, int port, List<Endpoint> endpoints, Function<Endpoint, String> required,
			List<Credential> kinds) {
		SoftAssertions softly = new SoftAssertions();
		int sent = 0;
		for (Endpoint endpoint : endpoints) {
			String kind = required.apply(endpoint);
			List<Credential> attempts = new ArrayList<>();
			attempts.add(new Credential("none", Map.of(), Map.of()));
			for (Credential credential : kinds) {
				attempts.add(credential.kind().equals(kind) ? credential.asWrong() : credential);
			}
			for (Credential attempt : attempts) {
				RawHttp.Reply reply = RawHttp.send(port, endpoint.method(), endpoint.path((variable) -> "5"),
						attempt.withJson(), endpoint.takesBody() ? "{}".getBytes(StandardCharsets.UTF_8) : null);
				sent++;
				softly.check(() -> ProblemAssertions.assertClientProblem(reply, 401, 403));
			}
		}
		System.out.println(service + ": authentication matrix of " + endpoints.size() + " endpoints x "
				+ (kinds.size() + 1) + " credentials = " + sent + " requests");
		softly.assertAll();
		return sent;
	}

	/**
	 * The browser pages behind a login form against every API credential: none of them
	 * opens a page. A page a browser asks for ({@code GET}) answers with a redirect to
	 * the login form, as a browser expects; any other method is refused with a 401 or 403
	 * problem (without a session it has no CSRF token either).
	 * @param service the service's name, for the report
	 * @param port the service's port
	 * @param endpoints the endpoints behind the login form
	 * @param loginPath the login form's path
	 * @param kinds every kind of API credential there is, each with its right value
	 * @return how many requests were sent
	 */
	public static int checkLoginPages(String service, int port, List<Endpoint> endpoints, String loginPath,
			List<Credential> kinds) {
		SoftAssertions softly = new SoftAssertions();
		int sent = 0;
		List<Credential> attempts = new ArrayList<>();
		attempts.add(new Credential("none", Map.of(), Map.of()));
		attempts.addAll(kinds);
		for (Endpoint endpoint : endpoints) {
			for (Credential attempt : attempts) {
				RawHttp.Reply reply = RawHttp.send(port, endpoint.method(), endpoint.path((variable) -> "5"),
						attempt.withJson(), endpoint.takesBody() ? "{}".getBytes(StandardCharsets.UTF_8) : null);
				sent++;
				if (endpoint.method().equals("GET")) {
					softly.assertThat(reply.status()).as(endpoint + " with " + attempt.kind()).isEqualTo(302);
					softly.assertThat(reply.headers().get("location"))
						.as(endpoint + " with " + attempt.kind())
						.endsWith(loginPath);
				}
				else {
					softly.check(() -> ProblemAssertions.assertClientProblem(reply, 401, 403));
				}
			}
		}
		System.out.println(service + ": login pages " + endpoints.size() + " endpoints x " + attempts.size()
				+ " credentials = " + sent + " requests");
		softly.assertAll();
		return sent;
	}

	/**
	 * One kind of credential.
	 *
	 * @param kind its name, e.g. {@code admin bearer}
	 * @param headers the headers that carry the right value
	 * @param wrongHeaders the same headers with a wrong value
	 */
	public record Credential(String kind, Map<String, String> headers, Map<String, String> wrongHeaders) {

		Credential asWrong() {
			return new Credential("wrong " + this.kind, this.wrongHeaders, this.wrongHeaders);
		}

		Map<String, String> withJson() {
			Map<String, String> all = new java.util.LinkedHashMap<>(this.headers);
			all.put("Content-Type", "application/json");
			return all;
		}

	}

}

package io.cdottrials.gitlab.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WireMock CDot speaking the eligibility contract of {@code shared-model}. Stubs only
 * match requests that carry the configured admin headers, so every test also checks that
 * the client authenticates.
 * <p>
 * A JUnit extension that owns the server's life: register it on a static field with
 * {@code @RegisterExtension}; it starts before the class's tests (before Spring reads
 * {@link #baseUrl()}), forgets every stub and request before each test, and stops after
 * the class (not after each of its {@code @Nested} classes).
 */
public final class CdotStub implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

	public static final String ELIGIBILITY = "/api/v1/gitlab/namespaces/trials/eligibility";

	public static final String ADMIN_EMAIL = "gitlab@example.com";

	public static final String ADMIN_TOKEN = "test-gitlab-token";

	private static final JsonMapper json = JsonMapper.builder().build();

	private volatile @Nullable WireMockServer server;

	@Override
	public void beforeAll(ExtensionContext context) {
		if (this.server == null) {
			WireMockServer started = new WireMockServer(WireMockConfiguration.options().dynamicPort());
			started.start();
			this.server = started;
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		server().resetAll();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		WireMockServer current = this.server;
		if (current != null && !context.getRequiredTestClass().isAnnotationPresent(Nested.class)) {
			current.stop();
			this.server = null;
		}
	}

	public String baseUrl() {
		return server().baseUrl();
	}

	public WireMockServer server() {
		WireMockServer current = this.server;
		if (current == null) {
			throw new IllegalStateException("CDot stub not running: register it with @RegisterExtension");
		}
		return current;
	}

	/**
	 * CDot answers every eligibility request with these namespaces (a superset is fine:
	 * the client reads only what it asked for).
	 * @param namespaces trial types per namespace
	 */
	public void answers(Map<Long, List<String>> namespaces) {
		answersAfter(namespaces, 0);
	}

	public void answersAfter(Map<Long, List<String>> namespaces, int delayMillis) {
		Map<String, List<String>> body = new LinkedHashMap<>();
		namespaces.forEach((id, types) -> body.put(Long.toString(id), types));
		server().stubFor(eligibility()
			.willReturn(WireMock.okJson(json.writeValueAsString(Map.of("namespaces", body, "success", true)))
				.withFixedDelay(delayMillis)));
	}

	/** CDot is up but failing. */
	public void fails() {
		server().stubFor(eligibility().willReturn(WireMock.serviceUnavailable()));
	}

	/**
	 * The namespace ids of every eligibility request CDot received, in order.
	 * @return one list per request
	 */
	public List<List<Long>> eligibilityRequests() {
		List<List<Long>> requests = new ArrayList<>();
		for (LoggedRequest request : server().findAll(WireMock.postRequestedFor(WireMock.urlEqualTo(ELIGIBILITY)))) {
			JsonNode ids = json.readTree(request.getBodyAsString()).get("namespace_ids");
			List<Long> list = new ArrayList<>();
			ids.forEach((id) -> list.add(id.asLong()));
			requests.add(list);
		}
		return requests;
	}

	private static MappingBuilder eligibility() {
		return WireMock.post(WireMock.urlEqualTo(ELIGIBILITY))
			.withHeader("X-Admin-Email", WireMock.equalTo(ADMIN_EMAIL))
			.withHeader("X-Admin-Token", WireMock.equalTo(ADMIN_TOKEN));
	}

}

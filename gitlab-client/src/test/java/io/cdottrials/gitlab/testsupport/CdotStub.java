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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WireMock CDot speaking the eligibility contract of {@code shared-model}. Stubs only
 * match requests that carry the configured admin headers, so every test also checks that
 * the client authenticates.
 */
public final class CdotStub {

	public static final String ELIGIBILITY = "/api/v1/gitlab/namespaces/trials/eligibility";

	public static final String ADMIN_EMAIL = "gitlab@example.com";

	public static final String ADMIN_TOKEN = "test-gitlab-token";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final WireMockServer server;

	private CdotStub(WireMockServer server) {
		this.server = server;
	}

	public static CdotStub start() {
		WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		server.start();
		return new CdotStub(server);
	}

	public void stop() {
		this.server.stop();
	}

	public String baseUrl() {
		return this.server.baseUrl();
	}

	public WireMockServer server() {
		return this.server;
	}

	public void reset() {
		this.server.resetAll();
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
		this.server.stubFor(eligibility()
			.willReturn(WireMock.okJson(json.writeValueAsString(Map.of("namespaces", body, "success", true)))
				.withFixedDelay(delayMillis)));
	}

	/** CDot is up but failing. */
	public void fails() {
		this.server.stubFor(eligibility().willReturn(WireMock.serviceUnavailable()));
	}

	/**
	 * The namespace ids of every eligibility request CDot received, in order.
	 * @return one list per request
	 */
	public List<List<Long>> eligibilityRequests() {
		List<List<Long>> requests = new ArrayList<>();
		for (LoggedRequest request : this.server.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo(ELIGIBILITY)))) {
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

package io.cdottrials.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The GitLab-side webhook receiver of the integration tests: one WireMock server per test
 * JVM, answering 200 until a test says otherwise.
 */
public final class WebhookReceiver {

	public static final String PATH = "/hooks/cdot";

	public static final String SECRET = "test-webhook-secret-do-not-log";

	private static final WireMockServer server = start();

	private WebhookReceiver() {
	}

	public static WireMockServer server() {
		return server;
	}

	public static String url() {
		return "http://localhost:" + server.port() + PATH;
	}

	public static void up() {
		server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)));
	}

	public static void down() {
		server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
	}

	private static WireMockServer start() {
		WireMockServer wireMock = new WireMockServer(options().dynamicPort());
		wireMock.start();
		Runtime.getRuntime().addShutdownHook(new Thread(wireMock::stop));
		wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)));
		return wireMock;
	}

}

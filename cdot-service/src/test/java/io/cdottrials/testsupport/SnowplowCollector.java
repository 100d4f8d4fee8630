package io.cdottrials.testsupport;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A stand-in Snowplow collector: accepts the tracker protocol's
 * {@code POST /com.snowplowanalytics.snowplow/tp2} (a {@code payload_data}
 * self-describing JSON whose {@code data} lists events; each event's {@code ue_pr} holds
 * the unstructured event, not base64-encoded here) and answers 200 until a test says
 * otherwise.
 */
public final class SnowplowCollector {

	public static final String PATH = "/com.snowplowanalytics.snowplow/tp2";

	private static final WireMockServer server = start();

	private SnowplowCollector() {
	}

	public static String url() {
		return "http://localhost:" + server.port();
	}

	public static WireMockServer server() {
		return server;
	}

	public static void up() {
		server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)));
	}

	public static void down() {
		server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
	}

	/**
	 * Every event the collector accepted (answered 200) or refused, as the {@code data}
	 * of its unstructured event, with {@code eid} and the payload's schema added.
	 * @param jsonMapper reads the bodies
	 * @return the events in arrival order
	 */
	public static List<Event> events(JsonMapper jsonMapper) {
		return server.getAllServeEvents()
			.stream()
			.filter((served) -> served.getRequest().getUrl().equals(PATH))
			.sorted(java.util.Comparator.comparing((served) -> served.getRequest().getLoggedDate()))
			.flatMap((served) -> {
				JsonNode body = jsonMapper.readTree(served.getRequest().getBodyAsString());
				int status = served.getResponse().getStatus();
				return body.get("data").valueStream().map((payload) -> {
					JsonNode unstructured = jsonMapper.readTree(payload.get("ue_pr").asString());
					return new Event(body.get("schema").asString(), payload.get("eid").asString(),
							payload.get("e").asString(), unstructured.at("/data/schema").asString(),
							unstructured.at("/data/data"), status);
				});
			})
			.toList();
	}

	/**
	 * One event as the collector saw it.
	 *
	 * @param payloadSchema the request's schema ({@code payload_data})
	 * @param eid Snowplow's event id
	 * @param eventType Snowplow's {@code e}, {@code ue} for an unstructured event
	 * @param schema the unstructured event's schema
	 * @param data its data: {@code event}, {@code namespace_id}, {@code experiment}, ...
	 * @param status what the collector answered
	 */
	public record Event(String payloadSchema, String eid, String eventType, String schema, JsonNode data, int status) {

		public String name() {
			return this.data.get("event").asString();
		}

		public long namespaceId() {
			return this.data.get("namespace_id").asLong();
		}

	}

	private static WireMockServer start() {
		WireMockServer wireMock = new WireMockServer(options().dynamicPort());
		wireMock.start();
		Runtime.getRuntime().addShutdownHook(new Thread(wireMock::stop));
		wireMock.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)));
		return wireMock;
	}

}

package io.cdottrials.cdot.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.snowplowanalytics.snowplow.tracker.Tracker;
import com.snowplowanalytics.snowplow.tracker.configuration.TrackerConfiguration;
import com.snowplowanalytics.snowplow.tracker.constants.Constants;
import com.snowplowanalytics.snowplow.tracker.emitter.Emitter;
import com.snowplowanalytics.snowplow.tracker.events.SelfDescribing;
import com.snowplowanalytics.snowplow.tracker.http.HttpClientAdapter;
import com.snowplowanalytics.snowplow.tracker.http.OkHttpClientAdapter;
import com.snowplowanalytics.snowplow.tracker.payload.SelfDescribingJson;
import com.snowplowanalytics.snowplow.tracker.payload.TrackerPayload;
import okhttp3.OkHttpClient;

/**
 * Sends one event to the Snowplow collector and waits for its answer. The tracker builds
 * the payload (Snowplow's tracker protocol); its batch emitter is not used, because it
 * sends from a thread of its own and drops what the collector refused: here the caller
 * learns the outcome, so that the outbox can retry.
 */
class SnowplowSender {

	/** The schema of this service's trial events. */
	static final String SCHEMA = "iglu:io.cdottrials/trial_event/jsonschema/1-0-0";

	private final HttpClientAdapter http;

	private final TrackerConfiguration configuration;

	SnowplowSender(AnalyticsProperties properties) {
		OkHttpClient client = new OkHttpClient.Builder().connectTimeout(properties.timeout())
			.readTimeout(properties.timeout())
			.callTimeout(properties.timeout().multipliedBy(2))
			.build();
		String url = String.valueOf(properties.collectorUrl());
		this.http = OkHttpClientAdapter.builder()
			.url(url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
			.httpClient(client)
			.build();
		this.configuration = new TrackerConfiguration(properties.trackerNamespace(), properties.appId())
			.base64Encoded(false);
	}

	/**
	 * Sends the event.
	 * @param event the event
	 * @throws CollectorException when the collector did not answer 2xx
	 */
	void send(AnalyticsEvent event) {
		Capture capture = new Capture();
		Tracker tracker = new Tracker(this.configuration, capture);
		tracker.track(SelfDescribing.builder()
			.eventData(new SelfDescribingJson(SCHEMA, data(event)))
			.trueTimestamp(event.occurredAt().toEpochMilli())
			.build());
		List<Map<String, String>> payloads = new ArrayList<>();
		for (TrackerPayload payload : capture.payloads) {
			// our id, not the tracker's random one: a redelivery carries the same eid
			payload.add("eid", event.eventId().toString());
			payloads.add(payload.getMap());
		}
		int status = this.http.post(new SelfDescribingJson(Constants.SCHEMA_PAYLOAD_DATA, payloads));
		if (status < 200 || status > 299) {
			throw new CollectorException(
					"The Snowplow collector answered " + status + " to " + event.name() + " " + event.eventId());
		}
	}

	private static Map<String, Object> data(AnalyticsEvent event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("event", event.name());
		data.put("event_id", event.eventId().toString());
		data.put("namespace_id", event.namespaceId());
		data.put("trial_type", event.trialType());
		data.put("experiment", event.experiment());
		data.put("variant", event.variant());
		data.putAll(event.properties());
		return data;
	}

	/** Keeps what the tracker emits instead of sending it in the background. */
	private static final class Capture implements Emitter {

		private final List<TrackerPayload> payloads = new ArrayList<>();

		@Override
		public boolean add(TrackerPayload payload) {
			return this.payloads.add(payload);
		}

		@Override
		public void setBatchSize(int batchSize) {
		}

		@Override
		public void flushBuffer() {
		}

		@Override
		public int getBatchSize() {
			return 1;
		}

		@Override
		public List<TrackerPayload> getBuffer() {
			return List.copyOf(this.payloads);
		}

		@Override
		public void close() {
		}

	}

	/** The collector refused or could not be reached. */
	static final class CollectorException extends RuntimeException {

		CollectorException(String message) {
			super(message);
		}

	}

}

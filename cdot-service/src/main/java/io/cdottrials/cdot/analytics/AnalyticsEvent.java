package io.cdottrials.cdot.analytics;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One analytics event. Publish it in the transaction of the change it records: the outbox
 * keeps it until the collector accepted it. The event id travels as Snowplow's
 * {@code eid}, so a redelivery is a duplicate the pipeline can drop.
 *
 * @param eventId unique id, kept on redelivery
 * @param name the event, one of the constants of this class
 * @param namespaceId the namespace
 * @param trialType the trial type's JSON name
 * @param experiment the experiment the trial runs under, or null
 * @param variant its variant, or null
 * @param properties further properties of the event, e.g. {@code failed_rules}
 * @param occurredAt when the change happened
 */
public record AnalyticsEvent(UUID eventId, String name, long namespaceId, String trialType, @Nullable String experiment,
		@Nullable String variant, Map<String, String> properties, Instant occurredAt) {

	public static final String TRIAL_APPLIED = "trial_applied";

	public static final String TRIAL_REJECTED = "trial_rejected";

	public static final String TRIAL_EXTENDED = "trial_extended";

	public static final String TRIAL_ENDED = "trial_ended";

	public static final String TRIAL_CONVERTED = "trial_converted";

	public AnalyticsEvent {
		properties = Map.copyOf(properties);
	}

}

package io.cdottrials.cdot.analytics;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where analytics events go.
 *
 * @param collectorUrl the Snowplow collector's base URL (events are posted to
 * {@code /com.snowplowanalytics.snowplow/tp2}); none: events are counted as
 * {@code skipped} and not sent
 * @param appId the Snowplow {@code aid}
 * @param trackerNamespace the Snowplow {@code tna}
 * @param timeout connect and read timeout of one send
 * @param retryInterval how often failed sends are retried from the outbox
 */
@ConfigurationProperties("cdot.analytics")
public record AnalyticsProperties(@Nullable URI collectorUrl, @DefaultValue("customersdot") String appId,
		@DefaultValue("cdot-trials") String trackerNamespace, @DefaultValue("5s") Duration timeout,
		@DefaultValue("10s") Duration retryInterval) {
}

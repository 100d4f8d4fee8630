package io.cdottrials.cdot.analytics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Sends each analytics event after its change committed. A failed send throws, which
 * leaves the publication incomplete for the {@link AnalyticsResubmitter}: at least once.
 * Counted in {@code cdot_analytics_events_total} by event and outcome ({@code sent},
 * {@code failed}, {@code skipped} without a collector).
 */
@Component
class AnalyticsListener {

	private final @Nullable SnowplowSender sender;

	private final MeterRegistry meterRegistry;

	AnalyticsListener(AnalyticsProperties properties, MeterRegistry meterRegistry) {
		this.sender = (properties.collectorUrl() != null) ? new SnowplowSender(properties) : null;
		this.meterRegistry = meterRegistry;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(AnalyticsEvent event) {
		if (this.sender == null) {
			count(event, "skipped");
			return;
		}
		try {
			this.sender.send(event);
		}
		catch (RuntimeException ex) {
			count(event, "failed");
			throw ex;
		}
		count(event, "sent");
	}

	private void count(AnalyticsEvent event, String outcome) {
		Counter.builder("cdot.analytics.events")
			.description("Analytics events by outcome of one send")
			.tag("event", event.name())
			.tag("outcome", outcome)
			.register(this.meterRegistry)
			.increment();
	}

}

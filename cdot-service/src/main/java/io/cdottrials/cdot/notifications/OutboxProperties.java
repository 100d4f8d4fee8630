package io.cdottrials.cdot.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the outbox remembers what it delivered.
 *
 * @param retention completed event publications and webhook delivery records older than
 * this are deleted: what support can still look up about a namespace's past events, and
 * how far back a redelivery can recognise a URL that already acknowledged
 * @param purgeCron when the daily purge runs (UTC); {@code -} turns it off
 */
@ConfigurationProperties("cdot.outbox")
public record OutboxProperties(@DefaultValue("14d") Duration retention,
		@DefaultValue("0 30 0 * * *") String purgeCron) {

	public OutboxProperties {
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalStateException("cdot.outbox.retention must be positive, not " + retention);
		}
	}

}

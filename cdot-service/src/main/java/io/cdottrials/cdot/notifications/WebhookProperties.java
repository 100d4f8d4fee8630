package io.cdottrials.cdot.notifications;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where {@code namespace_eligibility_changed} webhooks go and how they are retried.
 *
 * @param urls GitLab-side receivers; every event goes to each of them (none: events are
 * recorded and completed without a call)
 * @param secret the HMAC secret that signs every body ({@code X-CDot-Signature});
 * required when {@code urls} is not empty
 * @param connectTimeout how long to wait for a receiver's connection
 * @param readTimeout how long to wait for a receiver's answer
 * @param retryInterval how often failed deliveries are looked at for a retry
 * @param initialBackoff wait before the first retry; doubles with every failed attempt
 * @param maxBackoff the longest wait between two attempts: how late, at worst, a backlog
 * starts draining after a receiver is back (until then GitLab serves the old answers as
 * fresh), traded against one refused call per event and {@code maxBackoff} while a
 * receiver stays down
 * @param replicaWait with a read replica, how long a delivery waits for the replica to
 * replay the change first (GitLab refetches at once); a replica further behind fails the
 * attempt and the resubmitter retries it. Together with both timeouts it stays below
 * {@code spring.modulith.events.staleness.processing}
 */
@ConfigurationProperties("cdot.webhooks.gitlab")
public record WebhookProperties(@DefaultValue List<URI> urls, @DefaultValue("") String secret,
		@DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout,
		@DefaultValue("1s") Duration retryInterval, @DefaultValue("1s") Duration initialBackoff,
		@DefaultValue("4s") Duration maxBackoff, @DefaultValue("2s") Duration replicaWait) {

	public WebhookProperties {
		if (!urls.isEmpty() && secret.isBlank()) {
			throw new IllegalStateException(
					"cdot.webhooks.gitlab.secret is required when cdot.webhooks.gitlab.urls is set");
		}
	}

	/** Never prints the secret. */
	@Override
	public String toString() {
		return "WebhookProperties[urls=" + this.urls + ", secret=******, retryInterval=" + this.retryInterval
				+ ", initialBackoff=" + this.initialBackoff + ", maxBackoff=" + this.maxBackoff + "]";
	}

}

package io.cdottrials.cdot.analytics;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries analytics events the collector did not accept, every
 * {@code cdot.analytics.retry-interval}, each at least that long after its last attempt.
 * One replica at a time (ShedLock); only this module's events.
 */
@Component
class AnalyticsResubmitter {

	private final IncompleteEventPublications publications;

	private final AnalyticsProperties properties;

	AnalyticsResubmitter(IncompleteEventPublications publications, AnalyticsProperties properties) {
		this.publications = publications;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${cdot.analytics.retry-interval:10s}",
			initialDelayString = "${cdot.analytics.retry-interval:10s}")
	@SchedulerLock(name = "analytics-resubmission", lockAtMostFor = "PT30S")
	void resubmit() {
		Duration minAge = this.properties.retryInterval();
		this.publications
			.resubmitIncompletePublications((publication) -> publication.getEvent() instanceof AnalyticsEvent
					&& publication.getPublicationDate().plus(minAge).isBefore(java.time.Instant.now()));
	}

}

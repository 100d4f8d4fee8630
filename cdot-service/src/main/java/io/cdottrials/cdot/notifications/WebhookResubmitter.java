package io.cdottrials.cdot.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.cdottrials.cdot.subscriptions.SubscriptionChanged;
import io.cdottrials.cdot.trials.TrialEnded;
import io.cdottrials.cdot.trials.TrialExtended;
import io.cdottrials.cdot.trials.TrialStarted;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries failed webhook publications with exponential backoff: after the n-th failed
 * attempt a publication waits {@code initialBackoff * 2^(n-1)}, at most
 * {@code maxBackoff}. One replica at a time (ShedLock). Only this module's events are
 * resubmitted; other modules retry their own.
 */
@Component
class WebhookResubmitter {

	private static final Set<Class<?>> EVENTS = Set.of(SubscriptionChanged.class, TrialStarted.class, TrialEnded.class,
			TrialExtended.class, InvalidationRequested.class);

	private final IncompleteEventPublications publications;

	private final WebhookProperties properties;

	private final Clock clock;

	WebhookResubmitter(IncompleteEventPublications publications, WebhookProperties properties, Clock clock) {
		this.publications = publications;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${cdot.webhooks.gitlab.retry-interval:1s}",
			initialDelayString = "${cdot.webhooks.gitlab.retry-interval:1s}")
	// A run only re-publishes (the deliveries are asynchronous), so it takes
	// milliseconds.
	// A lock left behind because the database went away while it was held (its release
	// failed) must not stop retries for long after the database is back; two replicas
	// resubmitting at once only cost a skipped, already-delivered URL.
	@SchedulerLock(name = "webhook-resubmission", lockAtMostFor = "PT5S")
	void resubmitDue() {
		Instant now = Instant.now(this.clock);
		this.publications.resubmitIncompletePublications(ResubmissionOptions.defaults()
			.withMinAge(Duration.ZERO)
			.withFilter((publication) -> due(publication, now)));
	}

	boolean due(EventPublication publication, Instant now) {
		if (!EVENTS.contains(publication.getEvent().getClass())) {
			return false;
		}
		int attempts = Math.max(1, publication.getCompletionAttempts());
		Instant last = (publication.getLastResubmissionDate() != null) ? publication.getLastResubmissionDate()
				: publication.getPublicationDate();
		return !now.isBefore(last.plus(backoff(attempts)));
	}

	Duration backoff(int attempts) {
		Duration max = this.properties.maxBackoff();
		Duration wait = this.properties.initialBackoff();
		for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(max) > 0) ? max : wait;
	}

}

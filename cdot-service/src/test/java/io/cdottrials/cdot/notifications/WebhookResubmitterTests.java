package io.cdottrials.cdot.notifications;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.cdottrials.cdot.trials.TrialStarted;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class WebhookResubmitterTests {

	private static final Instant PUBLISHED = Instant.parse("2026-06-15T10:00:00Z");

	private final WebhookResubmitter resubmitter = new WebhookResubmitter(mock(IncompleteEventPublications.class),
			new WebhookProperties(List.of(URI.create("http://gitlab.example.com/hooks/cdot")), "s3cret",
					Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10),
					Duration.ofMinutes(10), Duration.ofSeconds(2)),
			Clock.systemUTC());

	@Test
	void backoffDoublesUpToTheMaximum() {
		assertThat(this.resubmitter.backoff(1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(this.resubmitter.backoff(2)).isEqualTo(Duration.ofSeconds(20));
		assertThat(this.resubmitter.backoff(4)).isEqualTo(Duration.ofSeconds(80));
		assertThat(this.resubmitter.backoff(7)).isEqualTo(Duration.ofMinutes(10));
		assertThat(this.resubmitter.backoff(60)).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void byDefaultAReceiverBackFromAnOutageGetsItsBacklogWithinFiveSeconds() {
		WebhookProperties defaults = new Binder(new MapConfigurationPropertySource())
			.bindOrCreate("cdot.webhooks.gitlab", WebhookProperties.class);
		WebhookResubmitter byDefault = new WebhookResubmitter(mock(IncompleteEventPublications.class), defaults,
				Clock.systemUTC());

		for (int attempts = 1; attempts <= 100; attempts++) {
			assertThat(byDefault.backoff(attempts).plus(defaults.retryInterval())).as("after %d attempts", attempts)
				.isLessThanOrEqualTo(Duration.ofSeconds(5));
		}
	}

	@Test
	void aPublicationIsDueOnceItsBackoffHasPassedSinceTheLastAttempt() {
		EventPublication publication = publication(3, PUBLISHED.plusSeconds(30));

		assertThat(this.resubmitter.due(publication, PUBLISHED.plusSeconds(69))).isFalse();
		assertThat(this.resubmitter.due(publication, PUBLISHED.plusSeconds(70))).isTrue();
	}

	@Test
	void otherModulesEventsAreLeftAlone() {
		EventPublication publication = mock(EventPublication.class);
		given(publication.getEvent()).willReturn("something else");

		assertThat(this.resubmitter.due(publication, PUBLISHED.plusSeconds(3600))).isFalse();
	}

	@Test
	void theSecretIsNotInTheProperties() {
		assertThat(new WebhookProperties(List.of(), "s3cret", Duration.ZERO, Duration.ZERO, Duration.ZERO,
				Duration.ZERO, Duration.ZERO, Duration.ZERO)
			.toString()).doesNotContain("s3cret");
	}

	private static EventPublication publication(int attempts, Instant lastAttempt) {
		EventPublication publication = mock(EventPublication.class);
		given(publication.getEvent())
			.willReturn(new TrialStarted(UUID.randomUUID(), 1, "ultimate_with_dap", PUBLISHED));
		given(publication.getCompletionAttempts()).willReturn(attempts);
		given(publication.getPublicationDate()).willReturn(PUBLISHED);
		given(publication.getLastResubmissionDate()).willReturn(lastAttempt);
		return publication;
	}

}

package io.cdottrials.cdot.notifications;

import java.util.List;

import io.cdottrials.cdot.subscriptions.SubscriptionChanged;
import io.cdottrials.cdot.trials.TrialEnded;
import io.cdottrials.cdot.trials.TrialExtended;
import io.cdottrials.cdot.trials.TrialStarted;
import io.cdottrials.model.NamespaceEligibilityChanged;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Turns the changes of other modules into {@code namespace_eligibility_changed} webhooks.
 * Each event was written to the publication registry in the transaction of its change; a
 * failed delivery leaves that publication incomplete and the {@link WebhookResubmitter}
 * retries it. The event id is the change's own id, so a redelivery carries the same
 * {@code event_id}. No transaction around the call: a slow receiver must not hold a
 * database connection.
 */
@Component
class EligibilityChangeNotifier {

	/** The reason of an invalidation support asked for. */
	static final String REQUESTED = "invalidation_requested";

	private final WebhookSender sender;

	EligibilityChangeNotifier(WebhookSender sender) {
		this.sender = sender;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(SubscriptionChanged event) {
		this.sender.send(NamespaceEligibilityChanged.of(event.eventId(), List.of(event.namespaceId()),
				"subscription_changed", event.occurredAt()));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(TrialStarted event) {
		this.sender.send(NamespaceEligibilityChanged.of(event.eventId(), List.of(event.namespaceId()), "trial_started",
				event.occurredAt()));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(TrialEnded event) {
		this.sender.send(NamespaceEligibilityChanged.of(event.eventId(), event.namespaceIds(), "trial_ended",
				event.occurredAt()));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(TrialExtended event) {
		this.sender.send(NamespaceEligibilityChanged.of(event.eventId(), event.namespaceIds(), "trial_extended",
				event.occurredAt()));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(InvalidationRequested event) {
		this.sender.send(NamespaceEligibilityChanged.of(event.eventId(), List.of(event.namespaceId()), REQUESTED,
				event.occurredAt()));
	}

}

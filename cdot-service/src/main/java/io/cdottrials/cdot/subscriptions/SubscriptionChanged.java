package io.cdottrials.cdot.subscriptions;

import java.time.Instant;
import java.util.UUID;

/**
 * A namespace's subscription items were replaced; its paid tier and add-ons may differ.
 *
 * @param eventId unique id of this change, kept on redelivery
 * @param namespaceId the namespace whose subscription changed
 * @param occurredAt when the change was made
 */
public record SubscriptionChanged(UUID eventId, long namespaceId, Instant occurredAt) {
}

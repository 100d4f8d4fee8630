package io.cdottrials.cdot.trials;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Trials of these namespaces ended; the daily sweep publishes them in batches.
 *
 * @param eventId unique id of this event, kept on redelivery
 * @param namespaceIds namespaces whose trial ended
 * @param occurredAt when the sweep found them
 */
public record TrialEnded(UUID eventId, List<Long> namespaceIds, Instant occurredAt) {
}

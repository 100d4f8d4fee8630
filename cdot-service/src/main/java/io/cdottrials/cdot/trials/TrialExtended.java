package io.cdottrials.cdot.trials;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Running trials of these namespaces were extended; GitLab's cached eligibility of them
 * is stale.
 *
 * @param eventId unique id of this event, kept on redelivery
 * @param namespaceIds namespaces whose trial was extended
 * @param days by how many days
 * @param occurredAt when
 */
public record TrialExtended(UUID eventId, List<Long> namespaceIds, int days, Instant occurredAt) {
}

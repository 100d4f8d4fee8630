package io.cdottrials.cdot.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone asked for a namespace's invalidation to be sent again (support, from the admin
 * console), e.g. after GitLab lost a delivery while its receiver was misconfigured.
 *
 * @param eventId unique id of this event, kept on redelivery
 * @param namespaceId the namespace
 * @param occurredAt when it was asked for
 */
public record InvalidationRequested(UUID eventId, long namespaceId, Instant occurredAt) {
}

package io.cdottrials.cdot.trials;

import java.time.Instant;
import java.util.UUID;

/**
 * A namespace started a trial.
 *
 * @param eventId unique id of this event, kept on redelivery
 * @param namespaceId the namespace
 * @param trialType the trial type's JSON name
 * @param occurredAt when the trial was recorded
 */
public record TrialStarted(UUID eventId, long namespaceId, String trialType, Instant occurredAt) {
}

package io.cdottrials.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The webhook CDot sends to GitLab when the trial eligibility of some namespaces may have
 * changed. Delivered at least once: receivers must treat a repeated {@code event_id} as
 * already handled.
 *
 * @param event always {@value #EVENT}
 * @param eventId unique id of this event, the same on every redelivery
 * @param namespaceIds the namespaces whose cached answer is no longer valid
 * @param reason why, e.g. {@code trial_started}, {@code subscription_changed},
 * {@code trial_ended}
 * @param occurredAt when the change was committed in CDot
 */
public record NamespaceEligibilityChanged(@JsonProperty("event") String event, @JsonProperty("event_id") UUID eventId,
		@JsonProperty("namespace_ids") List<Long> namespaceIds, @JsonProperty("reason") String reason,
		@JsonProperty("occurred_at") Instant occurredAt) {

	/** The event name on the wire. */
	public static final String EVENT = "namespace_eligibility_changed";

	public static NamespaceEligibilityChanged of(UUID eventId, List<Long> namespaceIds, String reason,
			Instant occurredAt) {
		return new NamespaceEligibilityChanged(EVENT, eventId, List.copyOf(namespaceIds), reason, occurredAt);
	}

}

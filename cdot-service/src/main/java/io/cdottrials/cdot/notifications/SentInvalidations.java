package io.cdottrials.cdot.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.cdottrials.cdot.subscriptions.SubscriptionChanged;
import io.cdottrials.cdot.trials.TrialEnded;
import io.cdottrials.cdot.trials.TrialExtended;
import io.cdottrials.cdot.trials.TrialStarted;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invalidations sent for a namespace and their delivery state, read from the outbox
 * (Spring Modulith's event publications) and {@code webhook_deliveries}; and a new
 * invalidation on request. For support, in the admin console.
 */
@Service
public class SentInvalidations {

	private static final Map<String, String> REASONS = Map.of(SubscriptionChanged.class.getName(),
			"subscription_changed", TrialStarted.class.getName(), "trial_started", TrialEnded.class.getName(),
			"trial_ended", TrialExtended.class.getName(), "trial_extended", InvalidationRequested.class.getName(),
			EligibilityChangeNotifier.REQUESTED);

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SentInvalidations(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The latest invalidations that named a namespace, newest first. Reads the serialized
	 * events of the outbox, a scan that is fine for a person's lookup and nothing more.
	 * @param namespaceId the namespace
	 * @param limit how many at most
	 * @return the invalidations with their delivery state
	 */
	@Transactional(readOnly = true)
	public List<Sent> of(long namespaceId, int limit) {
		List<Publication> publications = this.jdbc.sql("""
				select p.event_type, p.serialized_event::jsonb ->> 'eventId' as event_id, p.publication_date,
				  p.completion_date, p.status, coalesce(p.completion_attempts, 0) as attempts
				from event_publication p
				where p.listener_id like '%.EligibilityChangeNotifier.%'
				  and ((p.serialized_event::jsonb -> 'namespaceId') = to_jsonb(:namespace::bigint)
				    or (p.serialized_event::jsonb -> 'namespaceIds') @> jsonb_build_array(:namespace::bigint))
				order by p.publication_date desc limit :limit""")
			.param("namespace", namespaceId)
			.param("limit", limit)
			.query(SentInvalidations::publication)
			.list();
		if (publications.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<Delivery>> deliveries = new HashMap<>();
		this.jdbc.sql("""
				select event_id, url, delivered_at from webhook_deliveries where event_id in (:ids)
				order by delivered_at""")
			.param("ids", publications.stream().map(Publication::eventId).toList())
			.query((rs) -> {
				deliveries.computeIfAbsent(rs.getObject("event_id", UUID.class), (id) -> new java.util.ArrayList<>())
					.add(new Delivery(rs.getString("url"), instant(rs, "delivered_at")));
			});
		return publications.stream()
			.map((publication) -> new Sent(publication.eventId(), REASONS.getOrDefault(publication.eventType(), "?"),
					publication.publishedAt(), publication.completedAt(), publication.status(), publication.attempts(),
					deliveries.getOrDefault(publication.eventId(), List.of())))
			.toList();
	}

	/**
	 * Sends a namespace's invalidation again, through the outbox like every other: it is
	 * retried until GitLab acknowledges it.
	 * @param namespaceId the namespace
	 * @return the new event's id
	 */
	@Transactional
	public UUID resend(long namespaceId) {
		InvalidationRequested event = new InvalidationRequested(UUID.randomUUID(), namespaceId,
				Instant.now(this.clock));
		this.events.publishEvent(event);
		return event.eventId();
	}

	private static Publication publication(ResultSet rs, int row) throws SQLException {
		String status = rs.getString("status");
		Instant completedAt = instant(rs, "completion_date");
		return new Publication(rs.getString("event_type"), UUID.fromString(rs.getString("event_id")),
				instant(rs, "publication_date"), completedAt,
				(status != null) ? status.toLowerCase(Locale.ROOT) : (completedAt != null) ? "completed" : "published",
				rs.getInt("attempts"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : Instant.EPOCH;
	}

	private record Publication(String eventType, UUID eventId, Instant publishedAt, @Nullable Instant completedAt,
			String status, int attempts) {
	}

	/**
	 * One invalidation that named the namespace.
	 *
	 * @param eventId the webhook's {@code event_id}
	 * @param reason the webhook's {@code reason}
	 * @param publishedAt when the change was committed
	 * @param completedAt when every URL had acknowledged it, none while it has not
	 * @param status the outbox's state: {@code published}, {@code processing},
	 * {@code completed}, {@code failed} or {@code resubmitted}
	 * @param attempts how many times it was tried
	 * @param deliveries the URLs that acknowledged it
	 */
	public record Sent(UUID eventId, String reason, Instant publishedAt, @Nullable Instant completedAt, String status,
			int attempts, List<Delivery> deliveries) {
	}

	/**
	 * One URL's acknowledgement.
	 *
	 * @param url the webhook URL
	 * @param deliveredAt when it answered 2xx
	 */
	public record Delivery(String url, Instant deliveredAt) {
	}

}

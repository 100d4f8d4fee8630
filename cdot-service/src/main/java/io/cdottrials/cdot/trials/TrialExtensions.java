package io.cdottrials.cdot.trials;

import java.sql.Array;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cdottrials.cdot.analytics.AnalyticsEvent;
import io.cdottrials.web.ApiException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Extends the running trials of a cohort, once per idempotency key. The key's row is
 * written first, so a concurrent request with the same key waits for this one and then
 * replays its answer. Each extended namespace gets a {@link TrialExtended} (GitLab's
 * cached eligibility is refreshed) and a {@code trial_extended} analytics event, in the
 * same transaction.
 */
@Service
class TrialExtensions {

	/** Namespaces per {@link TrialExtended}, so that one webhook body stays small. */
	private static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	TrialExtensions(JdbcClient jdbc, ApplicationEventPublisher events, JsonMapper jsonMapper, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	/**
	 * Extends the cohort's running trials, unless the key was used before.
	 * @param key the idempotency key
	 * @param cohort who and by how much
	 * @param actor who asks, for the audit trail
	 * @return what was extended; {@code replayed} when the key was used before
	 * @throws ApiException 409 when the key was used for another extension
	 */
	@Transactional
	Extension extend(String key, Cohort cohort, String actor) {
		String request = this.jsonMapper.writeValueAsString(cohort);
		int inserted = this.jdbc.sql("""
				insert into trial_extensions (idempotency_key, days, request, namespace_ids, actor)
				values (?, ?, ?::jsonb, '{}', ?) on conflict (idempotency_key) do nothing""")
			.params(key, cohort.days(), request, actor)
			.update();
		if (inserted == 0) {
			return replay(key, cohort);
		}
		LocalDate today = LocalDate.now(this.clock);
		List<Extended> extended = this.jdbc.sql("""
				update trials set ends_on = ends_on + ?
				where starts_on <= ? and ends_on > ?
				  and (namespace_id = any(?) or (experiment_key = ? and variant = ?))
				returning id, namespace_id, trial_type, ends_on, experiment_key, variant""")
			.params(cohort.days(), Date.valueOf(today), Date.valueOf(today), ids(cohort.namespaceIds()),
					cohort.experiment(), cohort.variant())
			.query((rs, row) -> new Extended(rs.getLong("id"), rs.getLong("namespace_id"), rs.getString("trial_type"),
					rs.getDate("ends_on").toLocalDate(), rs.getString("experiment_key"), rs.getString("variant")))
			.list();
		List<Long> namespaceIds = extended.stream().map(Extended::namespaceId).distinct().sorted().toList();
		this.jdbc.sql("update trial_extensions set namespace_ids = ? where idempotency_key = ?")
			.params(ids(namespaceIds), key)
			.update();
		Instant now = Instant.now(this.clock);
		for (int from = 0; from < namespaceIds.size(); from += BATCH) {
			this.events.publishEvent(new TrialExtended(UUID.randomUUID(),
					List.copyOf(namespaceIds.subList(from, Math.min(namespaceIds.size(), from + BATCH))), cohort.days(),
					now));
		}
		for (Extended trial : extended) {
			this.events.publishEvent(new AnalyticsEvent(UUID.randomUUID(), AnalyticsEvent.TRIAL_EXTENDED,
					trial.namespaceId(), trial.trialType(), trial.experiment(), trial.variant(),
					Map.of("days", String.valueOf(cohort.days()), "ends_on", trial.endsOn().toString()), now));
		}
		return new Extension(key, cohort.days(), namespaceIds, false);
	}

	private Extension replay(String key, Cohort cohort) {
		Map<String, Object> row = this.jdbc
			.sql("select request::text as request, namespace_ids from trial_extensions where idempotency_key = ?")
			.param(key)
			.query()
			.singleRow();
		Cohort earlier = this.jsonMapper.readValue((String) row.get("request"), Cohort.class);
		if (!earlier.equals(cohort)) {
			throw new ApiException(HttpStatus.CONFLICT,
					List.of("Idempotency-Key " + key + " was used for another extension; use a new key"));
		}
		return new Extension(key, cohort.days(), longs(row.get("namespace_ids")), true);
	}

	private static Long[] ids(List<Long> ids) {
		return ids.toArray(Long[]::new);
	}

	private static List<Long> longs(@Nullable Object array) {
		try {
			return (array instanceof Array sql) ? Arrays.asList((Long[]) sql.getArray()) : List.of();
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whose running trials to extend and by how much: the listed namespaces, or the
	 * namespaces of one experiment's variant.
	 *
	 * @param days days to add, 1 to 366
	 * @param namespaceIds namespaces, possibly empty
	 * @param experiment an experiment's key, or null
	 * @param variant its variant, or null
	 */
	record Cohort(int days, List<Long> namespaceIds, @Nullable String experiment, @Nullable String variant) {

		Cohort {
			namespaceIds = List.copyOf(namespaceIds);
		}

	}

	/**
	 * The outcome.
	 *
	 * @param idempotencyKey the key
	 * @param days the days added
	 * @param namespaceIds the namespaces whose trial was extended
	 * @param replayed whether this answers an earlier request with the same key
	 */
	record Extension(@JsonProperty("idempotency_key") String idempotencyKey, @JsonProperty("days") int days,
			@JsonProperty("namespace_ids") List<Long> namespaceIds, @JsonProperty("replayed") boolean replayed) {
	}

	private record Extended(long id, long namespaceId, String trialType, LocalDate endsOn, @Nullable String experiment,
			@Nullable String variant) {
	}

}

package io.cdottrials.cdot.trials;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongFunction;

import io.cdottrials.cdot.eligibility.Eligibility;
import io.cdottrials.cdot.eligibility.Verdict;
import io.cdottrials.model.TrialResponse;
import io.cdottrials.model.TrialType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts trials. The rules are checked again inside the transaction that records the
 * trial, under a per-namespace lock, and the database's unique index on (namespace,
 * family) stops a second trial of a family whatever happens in code.
 */
@Service
public class Trials {

	private final JdbcClient jdbc;

	private final Eligibility eligibility;

	private final TrialDurations durations;

	private final TrialMetrics metrics;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JsonMapper jsonMapper;

	Trials(JdbcClient jdbc, Eligibility eligibility, TrialDurations durations, TrialMetrics metrics,
			ApplicationEventPublisher events, Clock clock, JsonMapper jsonMapper) {
		this.jdbc = jdbc;
		this.eligibility = eligibility;
		this.durations = durations;
		this.metrics = metrics;
		this.events = events;
		this.clock = clock;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Starts a trial when the namespace is eligible.
	 * @param namespaceId the namespace
	 * @param type the trial type
	 * @param uid the GitLab user applying
	 * @return the recorded trial
	 * @throws io.cdottrials.web.ApiException 422 naming the failing rules
	 */
	@Transactional
	public TrialResponse.Trial apply(long namespaceId, TrialType type, long uid) {
		return apply(namespaceId, type, new Applicant(uid, null, null, null, null));
	}

	@Transactional
	TrialResponse.Trial apply(long namespaceId, TrialType type, Applicant applicant) {
		return apply(namespaceId, (id) -> type, applicant);
	}

	/**
	 * Starts a trial of a type resolved under the namespace's lock, where a type derived
	 * from the namespace's tier sees the tier the rules then check.
	 * @param namespaceId the namespace
	 * @param typeOf the trial type of the namespace
	 * @param applicant who applies
	 * @return the recorded trial
	 */
	@Transactional
	TrialResponse.Trial apply(long namespaceId, LongFunction<TrialType> typeOf, Applicant applicant) {
		// Serialises everything that changes one namespace's eligibility (subscription
		// writes take the same lock), so the check below stays true until commit.
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(namespaceId).query().singleRow();
		TrialType type = typeOf.apply(namespaceId);
		List<Verdict> failed = this.eligibility.failedRules(namespaceId, type);
		if (!failed.isEmpty()) {
			this.metrics.applied(type, "not_eligible");
			throw new NotEligibleException(namespaceId, type, failed);
		}
		LocalDate startsOn = LocalDate.now(this.clock);
		LocalDate endsOn = startsOn.plusDays(this.durations.daysNow(type));
		Optional<Long> id = this.jdbc.sql("""
				insert into trials (namespace_id, trial_type, family, starts_on, ends_on, uid,
				                    namespace_name, namespace_path, glm_source, glm_content)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (namespace_id, family) do nothing
				returning id""")
			.params(namespaceId, type.wireName(), type.family().wireName(), Date.valueOf(startsOn),
					Date.valueOf(endsOn), applicant.uid(), applicant.namespaceName(), applicant.namespacePath(),
					applicant.glmSource(), applicant.glmContent())
			.query(Long.class)
			.optional();
		if (id.isEmpty()) {
			this.metrics.applied(type, "not_eligible");
			throw new NotEligibleException(namespaceId, type,
					List.of(Verdict.fail("family_unused", "the namespace already had a " + type.family() + " trial")));
		}
		if (!applicant.form().isEmpty()) {
			this.jdbc.sql("insert into trial_applicants (trial_id, fields) values (?, ?::jsonb)")
				.params(id.get(), this.jsonMapper.writeValueAsString(applicant.form()))
				.update();
		}
		this.events
			.publishEvent(new TrialStarted(UUID.randomUUID(), namespaceId, type.wireName(), Instant.now(this.clock)));
		this.metrics.applied(type, "started");
		return new TrialResponse.Trial(id.get(), namespaceId, type.wireName(), startsOn, endsOn);
	}

}

package io.cdottrials.cdot.trials;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongFunction;

import io.cdottrials.cdot.analytics.AnalyticsEvent;
import io.cdottrials.cdot.eligibility.ApplicantForm;
import io.cdottrials.cdot.eligibility.ApplicantRules;
import io.cdottrials.cdot.eligibility.Eligibility;
import io.cdottrials.cdot.eligibility.Verdict;
import io.cdottrials.cdot.experiments.Assignment;
import io.cdottrials.cdot.experiments.Experiments;
import io.cdottrials.model.TrialResponse;
import io.cdottrials.model.TrialType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts trials. The rules are checked again inside the transaction that records the
 * trial, under a per-namespace lock, and the database's unique index on (namespace,
 * family) stops a second trial of a family whatever happens in code. A running experiment
 * decides the duration; the applicant's form is checked by the apply-time rules. A
 * refusal is recorded (the {@code trial_rejected} analytics event) in a transaction of
 * its own after the apply's rolled back.
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

	private final Experiments experiments;

	private final ApplicantRules applicantRules;

	private final TransactionOperations transactions;

	Trials(JdbcClient jdbc, Eligibility eligibility, TrialDurations durations, TrialMetrics metrics,
			ApplicationEventPublisher events, Clock clock, JsonMapper jsonMapper, Experiments experiments,
			ApplicantRules applicantRules, PlatformTransactionManager transactionManager) {
		this.experiments = experiments;
		this.applicantRules = applicantRules;
		this.transactions = new TransactionTemplate(transactionManager);
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
	public TrialResponse.Trial apply(long namespaceId, TrialType type, long uid) {
		return apply(namespaceId, type, new Applicant(uid, null, null, null, null));
	}

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
	TrialResponse.Trial apply(long namespaceId, LongFunction<TrialType> typeOf, Applicant applicant) {
		try {
			// read before the namespace's lock: under it, only the rules' own queries run
			Experiments.Running running = this.experiments.running();
			ApplicantRules.Active active = this.applicantRules.active();
			return this.transactions
				.execute((status) -> applyInTransaction(namespaceId, typeOf, applicant, running, active));
		}
		catch (NotEligibleException ex) {
			Optional<Assignment> assignment = this.experiments.assign(namespaceId, ex.type());
			this.transactions.executeWithoutResult((status) -> this.events
				.publishEvent(new AnalyticsEvent(UUID.randomUUID(), AnalyticsEvent.TRIAL_REJECTED, namespaceId,
						ex.type().wireName(), assignment.map(Assignment::experimentKey).orElse(null),
						assignment.map(Assignment::variant).orElse(null),
						java.util.Map.of("failed_rules",
								String.join(",", ex.failed().stream().map(Verdict::rule).toList())),
						Instant.now(this.clock))));
			throw ex;
		}
	}

	private TrialResponse.Trial applyInTransaction(long namespaceId, LongFunction<TrialType> typeOf,
			Applicant applicant, Experiments.Running running, ApplicantRules.Active active) {
		// Serialises everything that changes one namespace's eligibility (subscription
		// writes take the same lock), so the check below stays true until commit.
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(namespaceId).query().singleRow();
		TrialType type = typeOf.apply(namespaceId);
		Optional<Assignment> assignment = running.assign(namespaceId, type);
		List<Verdict> failed = new java.util.ArrayList<>(this.eligibility.failedRules(namespaceId, type));
		failed.addAll(active.failed(form(applicant), assignment.map(Assignment::skipRules).orElse(List.of())));
		if (!failed.isEmpty()) {
			this.metrics.applied(type, "not_eligible");
			throw new NotEligibleException(namespaceId, type, failed);
		}
		int days = assignment.map(Assignment::durationDays).orElseGet(() -> this.durations.daysNow(type));
		String experiment = assignment.map(Assignment::experimentKey).orElse(null);
		String variant = assignment.map(Assignment::variant).orElse(null);
		LocalDate startsOn = LocalDate.now(this.clock);
		LocalDate endsOn = startsOn.plusDays(days);
		Optional<Long> id = this.jdbc.sql("""
				insert into trials (namespace_id, trial_type, family, starts_on, ends_on, uid,
				                    namespace_name, namespace_path, glm_source, glm_content,
				                    experiment_key, variant, duration_days)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (namespace_id, family) do nothing
				returning id""")
			.params(namespaceId, type.wireName(), type.family().wireName(), Date.valueOf(startsOn),
					Date.valueOf(endsOn), applicant.uid(), applicant.namespaceName(), applicant.namespacePath(),
					applicant.glmSource(), applicant.glmContent(), experiment, variant, days)
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
		Instant now = Instant.now(this.clock);
		this.events.publishEvent(new TrialStarted(UUID.randomUUID(), namespaceId, type.wireName(), now));
		this.events.publishEvent(new AnalyticsEvent(UUID.randomUUID(), AnalyticsEvent.TRIAL_APPLIED, namespaceId,
				type.wireName(), experiment, variant, java.util.Map.of("duration_days", String.valueOf(days)), now));
		this.metrics.applied(type, "started");
		return new TrialResponse.Trial(id.get(), namespaceId, type.wireName(), startsOn, endsOn, days, experiment,
				variant);
	}

	private static ApplicantForm form(Applicant applicant) {
		java.util.Map<String, Object> form = applicant.form();
		return new ApplicantForm(text(form.get("work_email")), text(form.get("country")),
				text(form.get("company_size")));
	}

	private static @org.jspecify.annotations.Nullable String text(@org.jspecify.annotations.Nullable Object value) {
		return (value != null) ? value.toString() : null;
	}

}

package io.cdottrials.cdot.experiments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.cdottrials.model.TrialType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The experiments, read from PostgreSQL on every question (a handful of rows), so that a
 * change through the admin API holds on every replica at once, without a restart.
 */
@Service
public class Experiments {

	private static final TypeReference<List<Variant>> VARIANTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	Experiments(JdbcClient jdbc, JsonMapper jsonMapper, Clock clock) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	/**
	 * The variant a namespace gets for a trial of a type started now. When several
	 * experiments cover the type, the first (by start, then key) whose rollout holds the
	 * namespace decides.
	 * @param namespaceId the namespace
	 * @param type the trial type
	 * @return the assignment, empty outside any running experiment or its rollout
	 */
	public Optional<Assignment> assign(long namespaceId, TrialType type) {
		return running().assign(namespaceId, type);
	}

	/**
	 * The experiments running now, read once: for a caller that must not query while it
	 * holds a lock.
	 * @return the running experiments
	 */
	public Running running() {
		Instant now = Instant.now(this.clock);
		return new Running(this.jdbc.sql("""
				select * from experiments where starts_at <= ? and ends_at > ? order by starts_at, key""")
			.params(Timestamp.from(now), Timestamp.from(now))
			.query(this::experiment)
			.list(), now);
	}

	/**
	 * Every experiment, running or not.
	 * @return the experiments by key
	 */
	public List<Experiment> all() {
		return this.jdbc.sql("select * from experiments order by key").query(this::experiment).list();
	}

	/**
	 * One experiment.
	 * @param key its key
	 * @return the experiment, empty when there is none
	 */
	public Optional<Experiment> find(String key) {
		return this.jdbc.sql("select * from experiments where key = ?").param(key).query(this::experiment).optional();
	}

	/**
	 * Creates or replaces an experiment and writes who did it to the audit trail, in one
	 * transaction.
	 * @param definition the experiment (its {@code updatedAt} and {@code updatedBy} are
	 * replaced)
	 * @param actor who changes it
	 * @return the stored experiment
	 */
	@Transactional
	Experiment save(Experiment definition, String actor) {
		Instant now = Instant.now(this.clock);
		boolean existed = this.jdbc.sql("select count(*) from experiments where key = ?")
			.param(definition.key())
			.query(Long.class)
			.single() > 0;
		this.jdbc.sql("""
				insert into experiments (key, trial_type, family, variants, rollout_percent, starts_at, ends_at,
				                         updated_at, updated_by)
				values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
				on conflict (key) do update set trial_type = excluded.trial_type, family = excluded.family,
				  variants = excluded.variants, rollout_percent = excluded.rollout_percent,
				  starts_at = excluded.starts_at, ends_at = excluded.ends_at, updated_at = excluded.updated_at,
				  updated_by = excluded.updated_by""")
			.params(definition.key(), definition.trialType(), definition.family(),
					this.jsonMapper.writeValueAsString(definition.variants()), definition.rolloutPercent(),
					Timestamp.from(definition.startsAt()), Timestamp.from(definition.endsAt()), Timestamp.from(now),
					actor)
			.update();
		Experiment saved = find(definition.key()).orElseThrow();
		audit(saved.key(), existed ? "updated" : "created", actor, saved);
		return saved;
	}

	/**
	 * The changes of an experiment, oldest first.
	 * @param key the experiment's key
	 * @return the audit entries
	 */
	List<AuditEntry> auditOf(String key) {
		return this.jdbc.sql(
				"select action, actor, definition::text, changed_at from experiment_audit where experiment_key = ? order by id")
			.param(key)
			.query((rs, row) -> new AuditEntry(rs.getString(1), rs.getString(2),
					this.jsonMapper.readTree(rs.getString(3)), rs.getTimestamp(4).toInstant()))
			.list();
	}

	private void audit(String key, String action, String actor, Experiment experiment) {
		this.jdbc.sql(
				"insert into experiment_audit (experiment_key, action, actor, definition, changed_at) values (?, ?, ?, ?::jsonb, ?)")
			.params(key, action, actor, this.jsonMapper.writeValueAsString(experiment),
					Timestamp.from(Instant.now(this.clock)))
			.update();
	}

	private Experiment experiment(ResultSet rs, int row) throws SQLException {
		return new Experiment(rs.getString("key"), rs.getString("trial_type"), rs.getString("family"),
				this.jsonMapper.readValue(rs.getString("variants"), VARIANTS), rs.getInt("rollout_percent"),
				rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
	}

	/**
	 * The experiments running at one time.
	 *
	 * @param experiments the experiments, by start then key
	 * @param at the time
	 */
	public record Running(List<Experiment> experiments, Instant at) {

		/**
		 * The variant a namespace gets for a trial of a type: the first experiment (by
		 * start, then key) covering the type whose rollout holds the namespace decides.
		 * @param namespaceId the namespace
		 * @param type the trial type
		 * @return the assignment, empty outside any running experiment or its rollout
		 */
		public Optional<Assignment> assign(long namespaceId, TrialType type) {
			for (Experiment experiment : this.experiments) {
				Variant variant = experiment.covers(type, this.at) ? experiment.variantOf(namespaceId) : null;
				if (variant != null) {
					return Optional.of(new Assignment(experiment.key(), variant.name(), variant.durationDays(),
							variant.skipRules()));
				}
			}
			return Optional.empty();
		}

	}

}

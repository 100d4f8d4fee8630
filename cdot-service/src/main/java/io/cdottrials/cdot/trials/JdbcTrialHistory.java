package io.cdottrials.cdot.trials;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.cdottrials.cdot.eligibility.PastTrial;
import io.cdottrials.cdot.eligibility.TrialHistory;
import io.cdottrials.model.TrialType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The trial history eligibility reads: one statement for any number of namespaces.
 */
@Component
class JdbcTrialHistory implements TrialHistory {

	/** The column holds exactly the wire names this service writes; read once per row. */
	private static final Map<String, TrialType> BY_WIRE_NAME = Arrays.stream(TrialType.values())
		.collect(Collectors.toUnmodifiableMap(TrialType::wireName, Function.identity()));

	private final JdbcClient jdbc;

	JdbcTrialHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<Long, List<PastTrial>> trialsOf(Collection<Long> namespaceIds) {
		Map<Long, List<PastTrial>> trials = new HashMap<>();
		if (namespaceIds.isEmpty()) {
			return trials;
		}
		this.jdbc.sql("select namespace_id, trial_type, starts_on, ends_on from trials where namespace_id = any(?)")
			.param(new LinkedHashSet<>(namespaceIds).toArray(Long[]::new))
			.query((rs) -> {
				// a type this build no longer knows is left out of the rules rather than
				// failing the whole answer; the unique index still guards its family
				toTrial(rs).ifPresent(
						(trial) -> trials.computeIfAbsent(namespaceIdOf(rs), (id) -> new ArrayList<>()).add(trial));
			});
		return trials;
	}

	private static Optional<PastTrial> toTrial(ResultSet rs) throws SQLException {
		TrialType type = BY_WIRE_NAME.get(rs.getString(2));
		if (type == null) {
			return Optional.empty();
		}
		return Optional.of(new PastTrial(type, rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate()));
	}

	private static long namespaceIdOf(ResultSet rs) {
		try {
			return rs.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read a trial's namespace", ex);
		}
	}

}

package io.cdottrials.cdot.trials;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import io.cdottrials.cdot.eligibility.PastTrial;
import io.cdottrials.model.TrialType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JdbcTrialHistory} on the real PostgreSQL schema: the past trials eligibility
 * reads, for many namespaces in one statement.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(JdbcTrialHistory.class)
class JdbcTrialHistoryTests {

	private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

	@Autowired
	private JdbcTrialHistory history;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void readsEveryTrialOfEveryAskedNamespace() {
		insert(11, "ultimate_with_dap", "ultimate_free", JAN_1, JAN_1.plusDays(30));
		insert(11, "gitlab_duo_pro", "duo_pro", JAN_1, JAN_1.plusDays(60));
		insert(12, "gitlab_duo_enterprise", "duo_enterprise", JAN_1, JAN_1.plusDays(60));
		insert(13, "gitlab_duo_pro", "duo_pro", JAN_1, JAN_1.plusDays(60));

		var trials = this.history.trialsOf(List.of(11L, 12L, 14L));

		assertThat(trials).containsOnlyKeys(11L, 12L);
		assertThat(trials.get(11L)).containsExactlyInAnyOrder(
				new PastTrial(TrialType.ULTIMATE_WITH_DAP, JAN_1, JAN_1.plusDays(30)),
				new PastTrial(TrialType.GITLAB_DUO_PRO, JAN_1, JAN_1.plusDays(60)));
		assertThat(trials.get(12L)).extracting(PastTrial::trialType).containsExactly(TrialType.GITLAB_DUO_ENTERPRISE);
	}

	@Test
	void aTrialTypeThisBuildNoLongerKnowsIsLeftOut() {
		insert(21, "ultimate_forever", "ultimate_free", JAN_1, JAN_1.plusDays(30));
		insert(21, "gitlab_duo_pro", "duo_pro", JAN_1, JAN_1.plusDays(60));

		assertThat(this.history.trialsOf(List.of(21L)).get(21L)).extracting(PastTrial::trialType)
			.containsExactly(TrialType.GITLAB_DUO_PRO);
	}

	@Test
	void noNamespacesAskNothing() {
		assertThat(this.history.trialsOf(List.of())).isEmpty();
	}

	private void insert(long namespaceId, String type, String family, LocalDate startsOn, LocalDate endsOn) {
		this.jdbc.sql(
				"insert into trials (namespace_id, trial_type, family, starts_on, ends_on, uid) values (?, ?, ?, ?, ?, 42)")
			.params(namespaceId, type, family, Date.valueOf(startsOn), Date.valueOf(endsOn))
			.update();
	}

}

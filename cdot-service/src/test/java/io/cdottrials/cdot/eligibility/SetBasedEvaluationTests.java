package io.cdottrials.cdot.eligibility;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import io.cdottrials.model.TrialType;
import io.cdottrials.testsupport.CdotIntegrationTest;
import io.cdottrials.testsupport.FixturePlans;
import io.cdottrials.testsupport.StatementCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eligibility is set-based: the number of SQL statements does not grow with the number of
 * namespaces asked about.
 */
class SetBasedEvaluationTests extends CdotIntegrationTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	@Autowired
	private Eligibility eligibility;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void oneAndAThousandNamespacesCostTheSameNumberOfStatements() {
		List<Long> thousand = LongStream.range(0, 1000).map((i) -> newNamespaceId()).boxed().toList();
		// a mix of states: every third Premium, every fifth with a past trial
		for (int i = 0; i < thousand.size(); i++) {
			long namespaceId = thousand.get(i);
			if (i % 3 == 0) {
				this.jdbc
					.sql("insert into subscription_items (namespace_id, product_rate_plan_id, quantity,"
							+ " starts_on, ends_on) values (?, ?, 5, ?, ?)")
					.params(namespaceId, FixturePlans.COM_PREMIUM.id(), Date.valueOf(TODAY.minusDays(3)),
							Date.valueOf(TODAY.plusDays(300)))
					.update();
			}
			if (i % 5 == 0) {
				this.jdbc
					.sql("insert into trials (namespace_id, trial_type, family, starts_on, ends_on, uid)"
							+ " values (?, 'ultimate_with_dap', 'ultimate_free', ?, ?, 1)")
					.params(namespaceId, Date.valueOf(TODAY.minusDays(90)), Date.valueOf(TODAY.minusDays(60)))
					.update();
			}
		}

		StatementCounter.reset();
		Map<Long, List<TrialType>> one = this.eligibility.eligibleTypes(thousand.subList(0, 1));
		int statementsForOne = StatementCounter.count();

		StatementCounter.reset();
		Map<Long, List<TrialType>> all = this.eligibility.eligibleTypes(thousand);
		int statementsForThousand = StatementCounter.count();

		assertThat(one).hasSize(1);
		assertThat(all).hasSize(1000);
		assertThat(all.get(thousand.get(0))).containsExactly(TrialType.ULTIMATE_ON_PREMIUM_WITH_DAP,
				TrialType.GITLAB_DUO_PRO);
		assertThat(all.get(thousand.get(1))).containsExactly(TrialType.ULTIMATE_WITH_DAP);
		assertThat(all.get(thousand.get(5))).isEmpty();
		// the flag, the subscriptions, the trial history
		assertThat(statementsForOne).isEqualTo(3);
		assertThat(statementsForThousand).isEqualTo(statementsForOne);
	}

}

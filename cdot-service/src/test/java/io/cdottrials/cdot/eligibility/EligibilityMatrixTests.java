package io.cdottrials.cdot.eligibility;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.cdottrials.cdot.catalog.Plan;
import io.cdottrials.model.TrialType;
import io.cdottrials.testsupport.CdotIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.cdottrials.model.TrialType.GITLAB_DUO_ENTERPRISE;
import static io.cdottrials.model.TrialType.GITLAB_DUO_PRO;
import static io.cdottrials.model.TrialType.ULTIMATE_ON_PREMIUM_WITH_DAP;
import static io.cdottrials.model.TrialType.ULTIMATE_ON_PREMIUM_WITH_GITLAB_DUO_ENTERPRISE;
import static io.cdottrials.model.TrialType.ULTIMATE_WITH_DAP;
import static io.cdottrials.model.TrialType.ULTIMATE_WITH_GITLAB_DUO_ENTERPRISE;
import static io.cdottrials.testsupport.FixturePlans.CI_MINUTES;
import static io.cdottrials.testsupport.FixturePlans.COM_BRONZE;
import static io.cdottrials.testsupport.FixturePlans.COM_GOLD;
import static io.cdottrials.testsupport.FixturePlans.COM_PREMIUM;
import static io.cdottrials.testsupport.FixturePlans.COM_SILVER;
import static io.cdottrials.testsupport.FixturePlans.COM_ULTIMATE;
import static io.cdottrials.testsupport.FixturePlans.DUO_AMAZON_Q;
import static io.cdottrials.testsupport.FixturePlans.DUO_ENTERPRISE;
import static io.cdottrials.testsupport.FixturePlans.DUO_PRO;
import static io.cdottrials.testsupport.FixturePlans.SM_ULTIMATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The eligibility matrix of SPEC section 4 over real HTTP: each row sets a namespace up
 * (subscription items through the provisioning hook, trial history in the table), sets
 * the {@code ultimate_trial_with_dap} flag through the admin endpoint and checks the
 * exact list of eligible types, which covers every trial type at once.
 */
class EligibilityMatrixTests extends CdotIntegrationTest {

	private static final boolean ON = true;

	private static final boolean OFF = false;

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private JsonMapper jsonMapper;

	static Stream<Arguments> matrix() {
		return Stream.of(
		// @formatter:off
		//   description                                   flag  subscription items                                   trials                                           eligible types
		row("free namespace CDot never heard of",          ON,  none(),                                              none(),                                           ULTIMATE_WITH_DAP),
		row("free namespace CDot never heard of",          OFF, none(),                                              none(),                                           ULTIMATE_WITH_GITLAB_DUO_ENTERPRISE),
		row("Premium",                                     ON,  items(active(COM_PREMIUM)),                          none(),                                           ULTIMATE_ON_PREMIUM_WITH_DAP, GITLAB_DUO_PRO),
		row("Premium",                                     OFF, items(active(COM_PREMIUM)),                          none(),                                           ULTIMATE_ON_PREMIUM_WITH_GITLAB_DUO_ENTERPRISE, GITLAB_DUO_PRO),
		row("Ultimate",                                    ON,  items(active(COM_ULTIMATE)),                         none(),                                           GITLAB_DUO_PRO, GITLAB_DUO_ENTERPRISE),
		row("Ultimate",                                    OFF, items(active(COM_ULTIMATE)),                         none(),                                           GITLAB_DUO_PRO, GITLAB_DUO_ENTERPRISE),
		row("Silver counts as Premium",                    ON,  items(active(COM_SILVER)),                           none(),                                           ULTIMATE_ON_PREMIUM_WITH_DAP, GITLAB_DUO_PRO),
		row("Silver counts as Premium",                    OFF, items(active(COM_SILVER)),                           none(),                                           ULTIMATE_ON_PREMIUM_WITH_GITLAB_DUO_ENTERPRISE, GITLAB_DUO_PRO),
		row("Gold counts as Ultimate",                     ON,  items(active(COM_GOLD)),                             none(),                                           GITLAB_DUO_PRO, GITLAB_DUO_ENTERPRISE),
		row("Gold counts as Ultimate",                     OFF, items(active(COM_GOLD)),                             none(),                                           GITLAB_DUO_PRO, GITLAB_DUO_ENTERPRISE),
		row("Bronze qualifies for nothing",                ON,  items(active(COM_BRONZE)),                           none()),
		row("Bronze qualifies for nothing",                OFF, items(active(COM_BRONZE)),                           none()),
		row("Self-Managed only is free on GitLab.com",     ON,  items(active(SM_ULTIMATE)),                          none(),                                           ULTIMATE_WITH_DAP),
		row("Self-Managed only is free on GitLab.com",     OFF, items(active(SM_ULTIMATE)),                          none(),                                           ULTIMATE_WITH_GITLAB_DUO_ENTERPRISE),
		row("expired Ultimate is free",                    ON,  items(expired(COM_ULTIMATE)),                        none(),                                           ULTIMATE_WITH_DAP),
		row("expired Premium is free",                     OFF, items(expired(COM_PREMIUM)),                         none(),                                           ULTIMATE_WITH_GITLAB_DUO_ENTERPRISE),
		row("Premium not started yet is free",             ON,  items(future(COM_PREMIUM)),                          none(),                                           ULTIMATE_WITH_DAP),
		row("expired Premium, active Ultimate",            ON,  items(expired(COM_PREMIUM), active(COM_ULTIMATE)),   none(),                                           GITLAB_DUO_PRO, GITLAB_DUO_ENTERPRISE),
		row("Premium with Duo Pro",                        ON,  items(active(COM_PREMIUM), active(DUO_PRO)),         none(),                                           ULTIMATE_ON_PREMIUM_WITH_DAP),
		row("Premium with Duo Pro",                        OFF, items(active(COM_PREMIUM), active(DUO_PRO)),         none(),                                           ULTIMATE_ON_PREMIUM_WITH_GITLAB_DUO_ENTERPRISE),
		row("Premium with Duo Enterprise",                 ON,  items(active(COM_PREMIUM), active(DUO_ENTERPRISE)),  none(),                                           ULTIMATE_ON_PREMIUM_WITH_DAP),
		row("Premium with expired Duo Pro",                ON,  items(active(COM_PREMIUM), expired(DUO_PRO)),        none(),                                           ULTIMATE_ON_PREMIUM_WITH_DAP, GITLAB_DUO_PRO),
		row("Ultimate with Duo Pro",                       ON,  items(active(COM_ULTIMATE), active(DUO_PRO)),        none(),                                           GITLAB_DUO_ENTERPRISE),
		row("Ultimate with Duo Enterprise",                ON,  items(active(COM_ULTIMATE), active(DUO_ENTERPRISE)), none()),
		row("Ultimate with Duo Enterprise",                OFF, items(active(COM_ULTIMATE), active(DUO_ENTERPRISE)), none()),
		row("Ultimate with expired Duo Enterprise",        ON,  items(active(COM_ULTIMATE), expired(DUO_ENTERPRISE)),none(),                                           GITLAB_DUO_PRO, GITLAB_DUO_ENTERPRISE),
		row("Ultimate with Duo Amazon Q",                  ON,  items(active(COM_ULTIMATE), active(DUO_AMAZON_Q)),   none(),                                           GITLAB_DUO_PRO, GITLAB_DUO_ENTERPRISE),
		row("Ultimate with CI minutes",                    ON,  items(active(COM_ULTIMATE), active(CI_MINUTES)),     none(),                                           GITLAB_DUO_PRO, GITLAB_DUO_ENTERPRISE),
		row("Gold with Duo Pro",                           OFF, items(active(COM_GOLD), active(DUO_PRO)),            none(),                                           GITLAB_DUO_ENTERPRISE),
		row("free with Duo Pro add-on only",               ON,  items(active(DUO_PRO)),                              none(),                                           ULTIMATE_WITH_DAP),
		row("free, past ultimate trial",                   ON,  none(),                                              trials(past(ULTIMATE_WITH_DAP))),
		row("free, past ultimate trial of the other flavour", ON, none(),                                            trials(past(ULTIMATE_WITH_GITLAB_DUO_ENTERPRISE))),
		row("free, past ultimate trial",                   OFF, none(),                                              trials(past(ULTIMATE_WITH_DAP))),
		row("free, active ultimate trial",                 ON,  none(),                                              trials(activeTrial(ULTIMATE_WITH_DAP))),
		row("free, active ultimate trial",                 OFF, none(),                                              trials(activeTrial(ULTIMATE_WITH_GITLAB_DUO_ENTERPRISE))),
		row("Premium, past free ultimate trial",           ON,  items(active(COM_PREMIUM)),                          trials(past(ULTIMATE_WITH_DAP)),                  ULTIMATE_ON_PREMIUM_WITH_DAP, GITLAB_DUO_PRO),
		row("Premium, active free ultimate trial",         ON,  items(active(COM_PREMIUM)),                          trials(activeTrial(ULTIMATE_WITH_DAP)),           GITLAB_DUO_PRO),
		row("Premium, past ultimate-on-premium trial",     ON,  items(active(COM_PREMIUM)),                          trials(past(ULTIMATE_ON_PREMIUM_WITH_DAP)),       GITLAB_DUO_PRO),
		row("Premium, past ultimate-on-premium trial",     OFF, items(active(COM_PREMIUM)),                          trials(past(ULTIMATE_ON_PREMIUM_WITH_DAP)),       GITLAB_DUO_PRO),
		row("Premium, active Duo Pro trial",               ON,  items(active(COM_PREMIUM)),                          trials(activeTrial(GITLAB_DUO_PRO)),              ULTIMATE_ON_PREMIUM_WITH_DAP),
		row("Premium, past Duo Pro trial",                 OFF, items(active(COM_PREMIUM)),                          trials(past(GITLAB_DUO_PRO)),                     ULTIMATE_ON_PREMIUM_WITH_GITLAB_DUO_ENTERPRISE),
		row("Ultimate, active Duo Pro trial",              ON,  items(active(COM_ULTIMATE)),                         trials(activeTrial(GITLAB_DUO_PRO)),              GITLAB_DUO_ENTERPRISE),
		row("Ultimate, past Duo Enterprise trial",         ON,  items(active(COM_ULTIMATE)),                         trials(past(GITLAB_DUO_ENTERPRISE)),              GITLAB_DUO_PRO),
		row("Ultimate, both Duo trials used",              ON,  items(active(COM_ULTIMATE)),                         trials(past(GITLAB_DUO_PRO), activeTrial(GITLAB_DUO_ENTERPRISE))),
		row("Silver, past Duo Pro trial",                  ON,  items(active(COM_SILVER)),                           trials(past(GITLAB_DUO_PRO)),                     ULTIMATE_ON_PREMIUM_WITH_DAP),
		row("Bronze, past ultimate trial",                 ON,  items(active(COM_BRONZE)),                           trials(past(ULTIMATE_WITH_DAP))),
		row("expired Ultimate, past ultimate-on-premium trial", ON, items(expired(COM_ULTIMATE)),                    trials(past(ULTIMATE_ON_PREMIUM_WITH_DAP)),       ULTIMATE_WITH_DAP)
		// @formatter:on
		);
	}

	@AfterEach
	void restoreFlag() {
		setFlag(true);
	}

	@ParameterizedTest(name = "{0}, ultimate_trial_with_dap {1}")
	@MethodSource("matrix")
	void answersTheEligibleTrialTypes(String description, boolean flag, List<Item> items, List<Trial> trials,
			List<TrialType> expected) throws Exception {
		long namespaceId = newNamespaceId();
		if (!items.isEmpty()) {
			ResponseEntity<String> written = subscribe(namespaceId,
					items.stream()
						.map((item) -> item(item.plan().id(), item.startsOn().toString(), item.endsOn().toString()))
						.toList());
			assertThat(written.getStatusCode()).isEqualTo(HttpStatus.OK);
		}
		for (Trial trial : trials) {
			this.jdbc
				.sql("insert into trials (namespace_id, trial_type, family, starts_on, ends_on, uid)"
						+ " values (?, ?, ?, ?, ?, 1)")
				.params(namespaceId, trial.type().wireName(), trial.type().family().wireName(),
						Date.valueOf(trial.startsOn()), Date.valueOf(trial.endsOn()))
				.update();
		}
		setFlag(flag);

		ResponseEntity<String> response = gitlabGet(
				"/api/v1/gitlab/namespaces/trials/eligibility?namespace_ids=" + namespaceId);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode body = this.jsonMapper.readTree(response.getBody());
		List<String> eligible = new ArrayList<>();
		body.get("namespaces").get(Long.toString(namespaceId)).forEach((type) -> eligible.add(type.asString()));
		assertThat(eligible).as(description)
			.containsExactlyInAnyOrderElementsOf(expected.stream().map(TrialType::wireName).toList());
		assertThat(body.get("success").asBoolean()).isTrue();
	}

	private void setFlag(boolean enabled) {
		ResponseEntity<String> response = this.rest.exchange("/api/v1/admin/trials/flags/ultimate_trial_with_dap",
				HttpMethod.PUT, new HttpEntity<>(Map.of("enabled", enabled), adminHeaders()), String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private static Arguments row(String description, boolean flag, List<Item> items, List<Trial> trials,
			TrialType... eligible) {
		return Arguments.of(description, flag, items, trials, Arrays.asList(eligible));
	}

	private static <T> List<T> none() {
		return List.of();
	}

	private static List<Item> items(Item... items) {
		return List.of(items);
	}

	private static List<Trial> trials(Trial... trials) {
		return List.of(trials);
	}

	private static Item active(Plan plan) {
		return new Item(plan, TODAY.minusDays(30), TODAY.plusDays(335));
	}

	private static Item expired(Plan plan) {
		return new Item(plan, TODAY.minusDays(400), TODAY.minusDays(35));
	}

	private static Item future(Plan plan) {
		return new Item(plan, TODAY.plusDays(10), TODAY.plusDays(375));
	}

	private static Trial activeTrial(TrialType type) {
		return new Trial(type, TODAY.minusDays(5), TODAY.plusDays(25));
	}

	private static Trial past(TrialType type) {
		return new Trial(type, TODAY.minusDays(100), TODAY.minusDays(70));
	}

	record Item(Plan plan, LocalDate startsOn, LocalDate endsOn) {
	}

	record Trial(TrialType type, LocalDate startsOn, LocalDate endsOn) {
	}

}

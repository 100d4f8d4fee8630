package io.cdottrials.cdot.trials;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cdottrials.testsupport.CdotIntegrationTest;
import io.cdottrials.testsupport.FixturePlans;
import io.cdottrials.testsupport.GitlabWire;
import io.cdottrials.testsupport.GitlabWire.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GitLab's own requests, replayed byte for byte from {@code gitlab-contract/} (each file
 * names the GitLab code it was written from), get the answers GitLab's code reads: any
 * 2xx is success, {@code errors} otherwise; eligibility as {@code namespaces} and
 * {@code success}; durations as {@code trial_types.<type>.duration_days}.
 */
class GitlabContractTests extends CdotIntegrationTest {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	private static final String APPLY_TRIAL = "post-trials_apply-trial-service.http";

	private static final String DUO_PRO = "post-trials-create_addon_apply-duo-pro-service.http";

	private static final String DUO_ENTERPRISE = "post-trials-create_addon_apply-duo-enterprise-service.http";

	private static final String LEAD = "post-trials_create-lead-service.http";

	private static final String ADD_ON_LEAD = "post-trials-create_addon_create-add-on-lead-service.http";

	private static final String ELIGIBILITY = "get-eligibility_trial-eligible-finder.http";

	private static final String TRIAL_TYPES = "get-trial-types_trial-duration-service.http";

	@LocalServerPort
	private int port;

	@Autowired
	private JsonMapper jsonMapper;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void applyTrialServiceStartsTheUltimateTrialAndTheSameAgainIsRefusedWithErrorsForTheUser() {
		long namespaceId = newNamespaceId();

		Reply started = replay(APPLY_TRIAL, namespaceId);

		assertThat(started.status()).isEqualTo(201);
		JsonNode trial = json(started).get("trial");
		assertThat(trial.get("namespace_id").asLong()).isEqualTo(namespaceId);
		assertThat(trial.get("trial_type").asString()).isEqualTo("ultimate_with_dap");
		assertThat(trial.get("ends_on").asString()).isEqualTo(TODAY.plusDays(30).toString());
		assertThat(eligibleTypes(namespaceId)).noneMatch((type) -> type.startsWith("ultimate"));

		Reply again = replay(APPLY_TRIAL, namespaceId);

		assertThat(again.status()).isEqualTo(422);
		JsonNode refusal = json(again);
		assertThat(refusal.get("success").asBoolean()).isFalse();
		assertThat(texts(refusal.get("errors"))).isNotEmpty()
			.allMatch((error) -> error.startsWith("This group cannot start the ultimate_with_dap trial: "))
			.anyMatch((error) -> error.contains("already had a ultimate_free trial"));
		assertThat(trialCount(namespaceId)).isOne();
	}

	@Test
	void applyDuoProServiceStartsADuoProTrialOnAPremiumNamespace() {
		long namespaceId = newNamespaceId();
		subscribe(namespaceId, List
			.of(item(FixturePlans.COM_PREMIUM.id(), TODAY.minusDays(1).toString(), TODAY.plusYears(1).toString())));

		Reply started = replay(DUO_PRO, namespaceId);

		assertThat(started.status()).isEqualTo(201);
		assertThat(json(started).at("/trial/trial_type").asString()).isEqualTo("gitlab_duo_pro");
		assertThat(json(started).at("/trial/ends_on").asString()).isEqualTo(TODAY.plusDays(60).toString());
		assertThat(eligibleTypes(namespaceId)).doesNotContain("gitlab_duo_pro")
			.contains("ultimate_on_premium_with_dap");
	}

	@Test
	void applyDuoEnterpriseServiceStartsADuoEnterpriseTrialOnAnUltimateNamespace() {
		long namespaceId = newNamespaceId();
		subscribe(namespaceId, List
			.of(item(FixturePlans.COM_ULTIMATE.id(), TODAY.minusDays(1).toString(), TODAY.plusYears(1).toString())));

		Reply started = replay(DUO_ENTERPRISE, namespaceId);

		assertThat(started.status()).isEqualTo(201);
		assertThat(json(started).at("/trial/trial_type").asString()).isEqualTo("gitlab_duo_enterprise");
		assertThat(eligibleTypes(namespaceId)).doesNotContain("gitlab_duo_enterprise");
	}

	@Test
	void leadSubmissionsOnBothPathsAreAcknowledgedAndStartNoTrial() {
		long namespaceId = newNamespaceId();

		Reply lead = replay(LEAD, namespaceId);
		Reply addOnLead = replay(ADD_ON_LEAD, namespaceId);

		assertThat(lead.status()).isEqualTo(200);
		assertThat(json(lead).get("success").asBoolean()).isTrue();
		assertThat(addOnLead.status()).isEqualTo(200);
		assertThat(json(addOnLead).get("success").asBoolean()).isTrue();
		assertThat(trialCount(namespaceId)).isZero();
		assertThat(eligibleTypes(namespaceId)).containsExactly("ultimate_with_dap");
		assertThat(replay(APPLY_TRIAL, namespaceId).status()).as("GitLab's apply after its lead").isEqualTo(201);
	}

	@Test
	void trialEligibleFinderGetsEveryNamespaceAsAStringKey() {
		long namespaceId = newNamespaceId();
		long other = newNamespaceId();

		Reply reply = GitlabWire.replay(this.port, ELIGIBILITY,
				Map.of("namespace_id", namespaceId, "other_namespace_id", other));

		assertThat(reply.status()).isEqualTo(200);
		JsonNode body = json(reply);
		assertThat(body.get("success").asBoolean()).isTrue();
		assertThat(body.get("namespaces").propertyNames()).containsExactly(Long.toString(namespaceId),
				Long.toString(other));
		assertThat(texts(body.get("namespaces").get(Long.toString(other)))).containsExactly("ultimate_with_dap");
	}

	@Test
	void trialDurationServiceReadsTheDurationOfEveryType() {
		Reply reply = GitlabWire.replay(this.port, TRIAL_TYPES, Map.of());

		assertThat(reply.status()).isEqualTo(200);
		JsonNode types = json(reply).get("trial_types");
		assertThat(types.get("ultimate_with_dap").get("duration_days").asInt()).isEqualTo(30);
		assertThat(types.get("gitlab_duo_enterprise").get("duration_days").asInt()).isEqualTo(60);
		assertThat(json(reply).get("success").asBoolean()).isTrue();
	}

	@Test
	void gitlabsRequestWithAWrongTokenIsA401InTheErrorShape() {
		long namespaceId = newNamespaceId();

		Reply reply = GitlabWire.replay(this.port, APPLY_TRIAL,
				Map.of("namespace_id", namespaceId, "admin_token", "not-the-token"));

		assertThat(reply.status()).isEqualTo(401);
		assertThat(json(reply).get("success").asBoolean()).isFalse();
		assertThat(texts(json(reply).get("errors"))).containsExactly("Missing or invalid credentials");
		assertThat(trialCount(namespaceId)).isZero();
	}

	@Test
	void everyFixtureNamesTheGitlabFilesItComesFromAndIsReplayedHere() throws IOException {
		Resource[] fixtures = new PathMatchingResourcePatternResolver()
			.getResources("classpath:gitlab-contract/*.http");
		List<String> names = new ArrayList<>();
		for (Resource fixture : fixtures) {
			names.add(fixture.getFilename());
			assertThat(GitlabWire.sources(fixture.getFilename())).as(fixture.getFilename())
				.isNotEmpty()
				.allMatch((source) -> source.startsWith("ee/"));
		}
		assertThat(names).containsExactlyInAnyOrder(APPLY_TRIAL, DUO_PRO, DUO_ENTERPRISE, LEAD, ADD_ON_LEAD,
				ELIGIBILITY, TRIAL_TYPES);
		assertThat(GitlabWire.requestLine(APPLY_TRIAL)).isEqualTo("POST /trials HTTP/1.1");
		assertThat(GitlabWire.requestLine(DUO_PRO)).isEqualTo("POST /trials/create_addon HTTP/1.1");
	}

	private Reply replay(String fixture, long namespaceId) {
		return GitlabWire.replay(this.port, fixture, Map.of("namespace_id", namespaceId));
	}

	private List<String> eligibleTypes(long namespaceId) {
		Reply reply = GitlabWire.replay(this.port, ELIGIBILITY,
				Map.of("namespace_id", namespaceId, "other_namespace_id", namespaceId));
		return texts(json(reply).get("namespaces").get(Long.toString(namespaceId)));
	}

	private long trialCount(long namespaceId) {
		return this.jdbc.sql("select count(*) from trials where namespace_id = ?")
			.param(namespaceId)
			.query(Long.class)
			.single();
	}

	private JsonNode json(Reply reply) {
		return this.jsonMapper.readTree(reply.body());
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.asString()));
		return texts;
	}

}

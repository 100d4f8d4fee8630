package io.cdottrials.cdot.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.cdottrials.testsupport.CdotIntegrationTest;
import io.cdottrials.testsupport.TestPostgresReplica;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code cdot.datasource.replica.url} set to a streaming replica (started by the
 * test setup on loopback), read-only transactions read the replica and everything else
 * the primary; a webhook waits until the replica has the change GitLab will refetch.
 */
@TestPropertySource(properties = "cdot.test.postgres-replica=true")
class ReadReplicaTests extends CdotIntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private JsonMapper jsonMapper;

	@Test
	void readOnlyTransactionsRunOnTheReplicaAndOthersOnThePrimary() {
		TransactionTemplate readOnly = new TransactionTemplate(this.transactionManager);
		readOnly.setReadOnly(true);
		TransactionTemplate readWrite = new TransactionTemplate(this.transactionManager);

		assertThat(readOnly.<Boolean>execute((status) -> inRecovery())).isTrue();
		assertThat(readWrite.<Boolean>execute((status) -> inRecovery())).isFalse();
		assertThat(inRecovery()).as("no transaction").isFalse();
	}

	@Test
	void eligibilityIsReadFromTheReplicaWhileTheApplicationRechecksOnThePrimary() {
		long namespaceId = newNamespaceId();
		TestPostgresReplica.awaitReplayed();
		TestPostgresReplica.pauseReplay();
		try {
			assertThat(applyTrial(namespaceId, "ultimate_with_dap").getStatusCode()).isEqualTo(HttpStatus.CREATED);

			// the replica has not replayed the trial: its answer lags
			assertThat(eligibleTypes(namespaceId)).contains("ultimate_with_dap");
			// the primary has it: no second trial
			assertThat(applyTrial(namespaceId, "ultimate_with_dap").getStatusCode())
				.isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		}
		finally {
			TestPostgresReplica.resumeReplay();
		}
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(eligibleTypes(namespaceId)).isEmpty());
	}

	@Test
	void aWebhookWaitsUntilTheReplicaHasTheChangeGitlabWillRefetch() {
		long namespaceId = newNamespaceId();
		TestPostgresReplica.awaitReplayed();
		TestPostgresReplica.pauseReplay();
		try {
			assertThat(subscribe(namespaceId, List.of()).getStatusCode().is2xxSuccessful()).isTrue();

			Awaitility.await()
				.during(Duration.ofMillis(1500))
				.atMost(Duration.ofSeconds(3))
				.untilAsserted(() -> assertThat(notifiedNamespaces()).doesNotContain(namespaceId));
		}
		finally {
			TestPostgresReplica.resumeReplay();
		}
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notifiedNamespaces()).contains(namespaceId));
	}

	@Test
	void bothPoolsAreMeasuredAndTheReplicaIsNotPartOfReadiness() {
		TestPostgresReplica.awaitReplayed();
		TestPostgresReplica.pauseReplay();
		try {
			String metrics = this.rest.getForObject("/actuator/prometheus", String.class);
			assertThat(metrics).contains("hikaricp_connections_max{application=\"cdot-service\",pool=\"primary\"}")
				.contains("hikaricp_connections_max{application=\"cdot-service\",pool=\"replica\"}");
			// a lagging replica does not take the instance out of the load balancer
			assertThat(this.rest.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
				.isEqualTo(HttpStatus.OK);
		}
		finally {
			TestPostgresReplica.resumeReplay();
		}
	}

	private List<Long> notifiedNamespaces() {
		return deliveries(this.jsonMapper).stream()
			.flatMap((delivery) -> delivery.event().namespaceIds().stream())
			.toList();
	}

	private boolean inRecovery() {
		return this.jdbc.sql("select pg_is_in_recovery()").query(Boolean.class).single();
	}

	private List<String> eligibleTypes(long namespaceId) {
		JsonNode body = this.jsonMapper
			.readTree(gitlabGet("/api/v1/gitlab/namespaces/trials/eligibility?namespace_ids=" + namespaceId).getBody());
		List<String> types = new ArrayList<>();
		body.get("namespaces").get(Long.toString(namespaceId)).forEach((type) -> types.add(type.asString()));
		return types;
	}

}

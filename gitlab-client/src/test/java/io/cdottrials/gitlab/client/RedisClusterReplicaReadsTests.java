package io.cdottrials.gitlab.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cdottrials.gitlab.testsupport.CdotStub;
import io.cdottrials.gitlab.testsupport.TestNamespaces;
import io.cdottrials.gitlab.testsupport.TestRedisCluster;
import io.cdottrials.model.TrialType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Boot's {@code spring.data.redis.lettuce.read-from=replica} on the test cluster: the
 * bulk reads go to replicas, the write-backs (scripts) to masters, and an answer written
 * through a master is read back from a replica once replicated.
 * <p>
 * Always on the cluster, whatever {@code gitlab.test.redis} says; the
 * {@code redis-cluster} Surefire execution runs it, the standalone one leaves it out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "gitlab.test.redis=cluster", "spring.data.redis.lettuce.read-from=replica",
				// a cold JVM on a loaded machine: CDot's first answer may take a while
				"gitlab.cdot.read-timeout=5s" })
class RedisClusterReplicaReadsTests {

	private static final List<String> DAP = List.of(TrialType.ULTIMATE_WITH_DAP.wireName());

	@RegisterExtension
	static final CdotStub cdot = new CdotStub();

	@Autowired
	TrialEligibilityClient client;

	@DynamicPropertySource
	static void cdotUrl(DynamicPropertyRegistry registry) {
		registry.add("gitlab.cdot.base-url", cdot::baseUrl);
	}

	@Test
	void readsGoToReplicasAndWriteBacksToMasters() {
		List<Long> ids = new ArrayList<>();
		Map<Long, List<String>> truth = new HashMap<>();
		for (int i = 0; i < 50; i++) {
			long id = TestNamespaces.next();
			ids.add(id);
			truth.put(id, (i % 2 == 0) ? DAP : List.of());
		}
		cdot.answers(truth);
		long mgetOnMasters = TestRedisCluster.calls("mget", true);
		long mgetOnReplicas = TestRedisCluster.calls("mget", false);
		long scriptsOnMasters = TestRedisCluster.calls("evalsha", true) + TestRedisCluster.calls("eval", true);
		long scriptsOnReplicas = TestRedisCluster.calls("evalsha", false) + TestRedisCluster.calls("eval", false);

		this.client.eligibility(ids);
		// replication is asynchronous: a read right after the write-back may miss
		await().until(() -> {
			int before = cdot.eligibilityRequests().size();
			this.client.eligibility(ids);
			return cdot.eligibilityRequests().size() == before;
		});
		EligibilityAnswer cached = this.client.eligibility(ids);

		ids.forEach((id) -> assertThat(cached.get(id))
			.isEqualTo(new NamespaceEligibility(truth.get(id), AnswerState.FRESH)));
		assertThat(TestRedisCluster.calls("mget", false)).isGreaterThan(mgetOnReplicas);
		assertThat(TestRedisCluster.calls("mget", true)).isEqualTo(mgetOnMasters);
		assertThat(TestRedisCluster.calls("evalsha", true) + TestRedisCluster.calls("eval", true))
			.isGreaterThanOrEqualTo(scriptsOnMasters + ids.size());
		assertThat(TestRedisCluster.calls("evalsha", false) + TestRedisCluster.calls("eval", false))
			.isEqualTo(scriptsOnReplicas);
	}

}

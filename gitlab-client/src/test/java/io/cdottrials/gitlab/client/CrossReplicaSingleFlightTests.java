package io.cdottrials.gitlab.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.cdottrials.gitlab.client.ClientTestApplication.PausingFillListener;
import io.cdottrials.gitlab.testsupport.CdotStub;
import io.cdottrials.gitlab.testsupport.TestNamespaces;
import io.cdottrials.model.TrialType;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of a GitLab-side application (two Spring contexts, each with its own
 * client, in-JVM flights, connection and meters) on one real Redis and one WireMock CDot:
 * the fill lease makes them share one CDot call per cold namespace, and a lease never
 * makes an answer wrong or a caller fail.
 */
class CrossReplicaSingleFlightTests {

	private static final Logger logger = LoggerFactory.getLogger(CrossReplicaSingleFlightTests.class);

	private static final String DAP = TrialType.ULTIMATE_WITH_DAP.wireName();

	private static final String DUO_PRO = TrialType.GITLAB_DUO_PRO.wireName();

	// long enough that a replica waiting for the other's 200 ms CDot call sees its fill
	// on a loaded machine (the default, 250ms, is for production's CDot latency)
	private static final Duration MAX_WAIT = Duration.ofSeconds(1);

	@RegisterExtension
	static final CdotStub cdot = new CdotStub();

	private static final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

	// each on the test Redis (TestRedisInitializer, from spring.factories)
	@BeforeAll
	static void startTwoReplicas() {
		for (int i = 0; i < 2; i++) {
			ConfigurableApplicationContext context = new SpringApplication(ClientTestApplication.class).run(
					"--spring.main.banner-mode=off", "--gitlab.cdot.base-url=" + cdot.baseUrl(),
					"--gitlab.trial-eligibility.lease.max-wait=" + MAX_WAIT.toMillis() + "ms",
					"--gitlab.trial-eligibility.cdot-breaker.minimum-number-of-calls=1000",
					"--gitlab.trial-eligibility.cdot-breaker.sliding-window-size=1000");
			replicas.add(context);
		}
		// replicas that have served before: the first CDot call of a cold JVM (HTTP
		// client, WireMock) can outlast the read timeout on a loaded machine
		cdot.answers(Map.of());
		for (int i = 0; i < replicas.size(); i++) {
			client(i).eligibility(List.of(TestNamespaces.next()));
		}
	}

	@AfterAll
	static void stopReplicas() {
		replicas.forEach(ConfigurableApplicationContext::close);
		replicas.clear();
	}

	@Test
	void fiftyConcurrentColdLookupsOverTwoReplicasMakeOneCdotCall() throws Exception {
		long id = TestNamespaces.next();
		cdot.answersAfter(Map.of(id, List.of(DAP)), 200);
		double[] won = counts("gitlab.trial_eligibility.fill_leases", "result", "won");
		double[] lost = counts("gitlab.trial_eligibility.fill_leases", "result", "lost");
		double[] filled = counts("gitlab.trial_eligibility.lease_waits", "outcome", "filled");
		CountDownLatch start = new CountDownLatch(1);
		List<Future<NamespaceEligibility>> answers = new ArrayList<>();
		ExecutorService threads = Executors.newFixedThreadPool(50);
		try {
			for (int i = 0; i < 50; i++) {
				TrialEligibilityClient client = client(i % 2);
				answers.add(threads.submit(() -> {
					start.await();
					return client.eligibility(List.of(id)).get(id);
				}));
			}
			start.countDown();
			for (Future<NamespaceEligibility> answer : answers) {
				assertThat(answer.get(10, TimeUnit.SECONDS))
					.isEqualTo(new NamespaceEligibility(List.of(DAP), AnswerState.FRESH));
			}
		}
		finally {
			threads.shutdownNow();
		}

		List<List<Long>> calls = cdot.eligibilityRequests().stream().filter((ids) -> ids.contains(id)).toList();
		logger.info("50 concurrent cold lookups over 2 replicas: {} CDot call(s) for the namespace", calls.size());
		assertThat(calls).containsExactly(List.of(id));
		assertThat(sum(counts("gitlab.trial_eligibility.fill_leases", "result", "won"), won)).isEqualTo(1);
		assertThat(sum(counts("gitlab.trial_eligibility.fill_leases", "result", "lost"), lost)).isEqualTo(1);
		assertThat(sum(counts("gitlab.trial_eligibility.lease_waits", "outcome", "filled"), filled)).isEqualTo(1);
	}

	@Test
	void aLeaseWhoseHolderDiedCostsAtMostTheWaitAndTheAnswerIsRight() {
		long id = TestNamespaces.next();
		cdot.answers(Map.of(id, List.of(DAP)));
		// another replica took the lease and died before filling
		redis().opsForValue().set(FillLeases.KEY_PREFIX + id, "a dead replica", Duration.ofMinutes(1));
		double fellBack = counts("gitlab.trial_eligibility.lease_waits", "outcome", "fell_back")[0];

		long started = System.nanoTime();
		NamespaceEligibility answer = client(0).eligibility(List.of(id)).get(id);
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(answer).isEqualTo(new NamespaceEligibility(List.of(DAP), AnswerState.FRESH));
		assertThat(took).isGreaterThanOrEqualTo(MAX_WAIT).isLessThan(MAX_WAIT.plusSeconds(3));
		assertThat(counts("gitlab.trial_eligibility.lease_waits", "outcome", "fell_back")[0] - fellBack).isEqualTo(1);
		assertThat(client(1).eligibility(List.of(id)).get(id)).isEqualTo(answer);
		assertThat(cdot.eligibilityRequests()).as("the fallback's answer was cached").containsExactly(List.of(id));
	}

	@Test
	void namespacesLeasedElsewhereWaitWhileTheOthersGoToCdotAtOnce() {
		long leasedElsewhere = TestNamespaces.next();
		long free = TestNamespaces.next();
		cdot.answers(Map.of(leasedElsewhere, List.of(DUO_PRO), free, List.of(DAP)));
		redis().opsForValue().set(FillLeases.KEY_PREFIX + leasedElsewhere, "a dead replica", Duration.ofMinutes(1));

		EligibilityAnswer answer = client(0).eligibility(List.of(leasedElsewhere, free));

		assertThat(answer.namespaces()).containsExactly(
				Map.entry(leasedElsewhere, new NamespaceEligibility(List.of(DUO_PRO), AnswerState.FRESH)),
				Map.entry(free, new NamespaceEligibility(List.of(DAP), AnswerState.FRESH)));
		assertThat(cdot.eligibilityRequests()).containsExactly(List.of(free), List.of(leasedElsewhere));
	}

	@Test
	void anInvalidationDuringTheWaitIsNotUndoneByTheLeaseHoldersOlderAnswer() throws Exception {
		long id = TestNamespaces.next();
		cdot.answers(Map.of(id, List.of(DAP)));
		PausingFillListener holderPaused = replicas.get(1).getBean(PausingFillListener.class);
		holderPaused.pause(id);
		// replica 1 takes the lease and has CDot's answer, not yet written back
		CompletableFuture<EligibilityAnswer> holder = CompletableFuture
			.supplyAsync(() -> client(1).eligibility(List.of(id)));
		assertThat(holderPaused.awaitPaused()).isTrue();
		cdot.answers(Map.of(id, List.of(DUO_PRO)));
		double lost = counts("gitlab.trial_eligibility.fill_leases", "result", "lost")[0];
		CompletableFuture<EligibilityAnswer> waiter = CompletableFuture
			.supplyAsync(() -> client(0).eligibility(List.of(id)));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> counts("gitlab.trial_eligibility.fill_leases", "result", "lost")[0] > lost);

		client(0).invalidate(List.of(id));
		holderPaused.release();

		assertThat(holder.get(10, TimeUnit.SECONDS).get(id).trialTypes()).as("read before the invalidation")
			.containsExactly(DAP);
		assertThat(waiter.get(10, TimeUnit.SECONDS).get(id))
			.isEqualTo(new NamespaceEligibility(List.of(DUO_PRO), AnswerState.FRESH));
		assertThat(client(1).eligibility(List.of(id)).get(id).trialTypes()).containsExactly(DUO_PRO);
		assertThat(client(0).eligibility(List.of(id)).get(id).trialTypes()).containsExactly(DUO_PRO);
	}

	private static TrialEligibilityClient client(int replica) {
		return replicas.get(replica).getBean(TrialEligibilityClient.class);
	}

	private static StringRedisTemplate redis() {
		return replicas.get(0).getBean(StringRedisTemplate.class);
	}

	// the counter's value on each replica
	private static double[] counts(String name, String tag, String value) {
		double[] counts = new double[replicas.size()];
		for (int i = 0; i < counts.length; i++) {
			counts[i] = replicas.get(i).getBean(MeterRegistry.class).counter(name, tag, value).count();
		}
		return counts;
	}

	private static double sum(double[] now, double[] before) {
		double sum = 0;
		for (int i = 0; i < now.length; i++) {
			sum += now[i] - before[i];
		}
		return sum;
	}

}

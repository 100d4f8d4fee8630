package io.cdottrials.gitlab.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.cdottrials.gitlab.testsupport.CdotStub;
import io.cdottrials.gitlab.testsupport.TestNamespaces;
import io.cdottrials.gitlab.testsupport.TestRedisCluster;
import io.cdottrials.gitlab.testsupport.TestRedisCluster.Node;
import io.cdottrials.model.TrialType;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One master of the three-master test cluster killed (SIGKILL) while callers look up
 * namespaces concurrently: no caller sees an error, every answer is CDot's for that
 * namespace, and once a replica took over the answers come from Redis again. The lookups
 * in between come from CDot (Redis breaker open, or a read timing out on the dead node),
 * fewer at a time than the Redis-down bulkhead allows, so none is degraded.
 * <p>
 * Always on the cluster, whatever {@code gitlab.test.redis} says; the
 * {@code redis-cluster} Surefire execution runs it, the standalone one leaves it out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = { "gitlab.test.redis=cluster",
		// what an operator sets: a dead node costs a caller this long, not 60 s
		"spring.data.redis.timeout=500ms", "spring.data.redis.connect-timeout=500ms",
		"spring.data.redis.lettuce.cluster.refresh.period=10s",
		"gitlab.trial-eligibility.cdot-breaker.minimum-number-of-calls=100000",
		"gitlab.trial-eligibility.cdot-breaker.sliding-window-size=100000", "gitlab.cdot.read-timeout=5s" })
class RedisClusterFailoverTests {

	private static final Logger logger = LoggerFactory.getLogger(RedisClusterFailoverTests.class);

	private static final List<List<String>> ANSWERS = List.of(List.of(TrialType.ULTIMATE_WITH_DAP.wireName()),
			List.of(TrialType.GITLAB_DUO_PRO.wireName()),
			List.of(TrialType.ULTIMATE_WITH_DAP.wireName(), TrialType.GITLAB_DUO_PRO.wireName()), List.of());

	private static final int NAMESPACES = 600;

	private static final int CALLERS = 8;

	private static final int IDS_PER_LOOKUP = 20;

	@RegisterExtension
	static final CdotStub cdot = new CdotStub();

	@Autowired
	TrialEligibilityClient client;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void cdotUrl(DynamicPropertyRegistry registry) {
		registry.add("gitlab.cdot.base-url", cdot::baseUrl);
	}

	@Test
	void aMasterFailoverCostsNoCallerAnErrorAndNoWrongAnswer() throws Exception {
		Map<Long, List<String>> truth = new HashMap<>();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < NAMESPACES; i++) {
			long id = TestNamespaces.next();
			ids.add(id);
			truth.put(id, ANSWERS.get(i % ANSWERS.size()));
		}
		cdot.answers(truth);
		this.client.eligibility(ids);
		assertThat(servedFromRedisAlone(ids)).isTrue();

		Queue<String> wrong = new ConcurrentLinkedQueue<>();
		Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
		AtomicLong lookups = new AtomicLong();
		AtomicLong slowestNanos = new AtomicLong();
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
		List<Future<?>> work = new ArrayList<>();
		for (int i = 0; i < CALLERS; i++) {
			work.add(callers.submit(() -> {
				while (running.get()) {
					List<Long> asked = randomIds(ids);
					long start = System.nanoTime();
					try {
						EligibilityAnswer answer = this.client.eligibility(asked);
						for (long id : asked) {
							NamespaceEligibility got = answer.get(id);
							if (got == null || got.state() != AnswerState.FRESH
									|| !got.trialTypes().equals(truth.get(id))) {
								wrong.add(id + ": " + got + ", CDot says " + truth.get(id));
							}
						}
					}
					catch (Throwable ex) {
						errors.add(ex);
					}
					slowestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
					lookups.incrementAndGet();
				}
			}));
		}
		Node killed = null;
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> lookups.get() > 200);
			double unavailableBefore = count("unavailable");
			double missesBefore = count("miss");
			long lookupsBefore = lookups.get();
			slowestNanos.set(0);

			long killedAt = System.nanoTime();
			killed = TestRedisCluster.killMaster();
			TestRedisCluster.awaitPromotion(killed);
			long promotedAt = System.nanoTime();
			// hits resumed: the callers went on for a poll interval without asking CDot
			long[] seen = { -1, -1 };
			await("callers served from Redis again").atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> {
					long requests = cdot.eligibilityRequests().size();
					long done = lookups.get();
					boolean quiet = requests == seen[0] && done > seen[1] + CALLERS;
					seen[0] = requests;
					seen[1] = done;
					return quiet;
				});
			long recoveredAt = System.nanoTime();
			long lookupsDuring = lookups.get() - lookupsBefore;
			double fromCdot = count("unavailable") - unavailableBefore;
			double refilled = count("miss") - missesBefore;
			running.set(false);
			for (Future<?> future : work) {
				future.get(30, TimeUnit.SECONDS);
			}

			logger.info("Failover: promoted {} ms after the kill, callers served from Redis again after at most {} ms;"
					+ " {} lookups of {} namespaces meanwhile, the slowest {} ms; {} namespaces answered by CDot with"
					+ " Redis unusable, {} misses refilled", millis(promotedAt - killedAt),
					millis(recoveredAt - killedAt), lookupsDuring, IDS_PER_LOOKUP, millis(slowestNanos.get()),
					(long) fromCdot, (long) refilled);
			assertThat(errors).isEmpty();
			assertThat(wrong).isEmpty();
			assertThat(fromCdot + refilled).as("namespaces the dead master sent to CDot").isPositive();
			assertThat(servedFromRedisAlone(ids)).as("every namespace from Redis after the failover").isTrue();
		}
		finally {
			running.set(false);
			callers.shutdown();
			callers.awaitTermination(30, TimeUnit.SECONDS);
			if (killed != null) {
				TestRedisCluster.restart(killed);
			}
		}
		assertThat(servedFromRedisAlone(ids)).as("answers from Redis with the old master back as a replica").isTrue();
	}

	// a lookup of every namespace that CDot did not hear of: Redis answered all of it
	private boolean servedFromRedisAlone(List<Long> ids) {
		int before = cdot.eligibilityRequests().size();
		EligibilityAnswer answer = this.client.eligibility(ids);
		return answer.namespaces().size() == ids.size() && cdot.eligibilityRequests().size() == before;
	}

	private static List<Long> randomIds(List<Long> ids) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return random.ints(0, ids.size()).distinct().limit(IDS_PER_LOOKUP).mapToObj(ids::get).toList();
	}

	private double count(String result) {
		return this.meters.get("gitlab.trial_eligibility.cache.gets").tag("result", result).counter().count();
	}

	private static long millis(long nanos) {
		return TimeUnit.NANOSECONDS.toMillis(nanos);
	}

}

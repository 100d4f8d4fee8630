package io.cdottrials.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import io.cdottrials.launcher.Load.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault suite: both services from their production jars over real HTTP, a real
 * PostgreSQL and a real Redis, and faults injected by stopping and starting those real
 * servers or killing a service's process. Each scenario puts the product under load,
 * injects its fault, asserts what the callers saw (statuses, answer states, trials,
 * webhooks delivered) and how long recovery took, and prints its figures
 * ({@code docs/reliability.md} keeps them). Scenarios run in order on one product and
 * leave it healthy for the next; the last one stops cdot-service for good.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductFaultTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String ULTIMATE_TRIAL = "{\"trial_type\": \"ultimate_with_dap\", \"uid\": 42}";

	private static LocalProduct product;

	@BeforeAll
	static void startProduct() throws Exception {
		product = LocalProduct.start(RepositoryLayout.locate(), LocalProduct.freePort(), LocalProduct.freePort());
	}

	@AfterAll
	static void stopProduct() {
		if (product != null) {
			product.close();
		}
	}

	@Test
	@Order(1)
	void aHundredParallelAppliesOverTenNamespacesMakeExactlyOneTrialEach() throws Exception {
		List<Long> namespaces = LongStream.rangeClosed(5_000_001, 5_000_010).boxed().toList();
		double deliveredBefore = metric(product.cdotPort(), "cdot_notifications_webhook_deliveries_total",
				"outcome=\"delivered\"");
		ExecutorService pool = Executors.newFixedThreadPool(50);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Outcome>> futures = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			long namespace = namespaces.get(i % namespaces.size());
			futures.add(pool.submit(() -> {
				go.await();
				return Load.send(cdotPost("/api/v1/gitlab/namespaces/" + namespace + "/trials", ULTIMATE_TRIAL));
			}));
		}
		go.countDown();
		List<Outcome> outcomes = new ArrayList<>();
		for (Future<Outcome> future : futures) {
			outcomes.add(future.get(60, TimeUnit.SECONDS));
		}
		pool.shutdown();
		// a burst beyond the connection pool may be shed (503 with Retry-After); a client
		// retrying then finds the trial there or creates it
		List<Outcome> retries = new ArrayList<>();
		for (Outcome shed : Load.where(outcomes, (outcome) -> outcome.status() == 503)) {
			assertThat(shed.retryAfter()).isNotBlank();
			retries.add(Load.send(cdotPost(shed.request().uri().getPath(), ULTIMATE_TRIAL)));
		}

		Map<String, Long> createdPerNamespace = new TreeMap<>();
		List<Outcome> all = new ArrayList<>(outcomes);
		all.addAll(retries);
		all.stream()
			.filter((outcome) -> outcome.status() == 201)
			.forEach((outcome) -> createdPerNamespace.merge(namespaceOf(outcome), 1L, Long::sum));
		report("100 parallel applies over 10 namespaces", "requests=" + outcomes.size(),
				"statuses=" + Load.byStatus(outcomes), "503 retried: statuses=" + Load.byStatus(retries),
				"trials created per namespace=" + createdPerNamespace);
		assertThat(Load.byStatus(outcomes).keySet()).isSubsetOf(201, 422, 503);
		assertThat(Load.byStatus(retries).keySet()).isSubsetOf(201, 422);
		assertThat(createdPerNamespace).hasSize(10).allSatisfy((namespace, created) -> assertThat(created).isOne());
		JsonNode eligibility = json.readTree(Load.send(gitlabGet(idsQuery(namespaces))).body());
		namespaces.forEach((id) -> assertThat(types(eligibility, id)).doesNotContain("ultimate_with_dap"));
		// one trial_started webhook per trial reaches the GitLab side
		await().atMost(Duration.ofSeconds(10))
			.until(() -> metric(product.cdotPort(), "cdot_notifications_webhook_deliveries_total",
					"outcome=\"delivered\"") >= deliveredBefore + 10);
		report("100 parallel applies over 10 namespaces", "webhooks delivered="
				+ (metric(product.cdotPort(), "cdot_notifications_webhook_deliveries_total", "outcome=\"delivered\"")
						- deliveredBefore));
	}

	@Test
	@Order(2)
	void redisKilledAndRestartedAnswersFromCdotAndCachesAgainWithinSeconds() throws Exception {
		List<Long> namespaces = LongStream.rangeClosed(6_000_001, 6_000_020).boxed().toList();
		Load.send(gitlabGet(idsQuery(namespaces)));
		try (Load load = Load.start(4, (n) -> gitlabGet(idsQuery(randomSubset(namespaces, 3))))) {
			await().atMost(Duration.ofSeconds(30)).until(() -> load.count() >= 50);
			product.stopRedis();
			long stopped = System.nanoTime();
			int atStop = load.count();
			await().atMost(Duration.ofSeconds(60)).until(() -> load.count() >= atStop + 200);

			product.startRedis();
			long restarted = System.nanoTime();
			double hits = metric(product.gitlabPort(), "gitlab_trial_eligibility_cache_gets_total", "result=\"hit\"");
			await().atMost(Duration.ofSeconds(15))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> metric(product.gitlabPort(), "gitlab_trial_eligibility_cache_gets_total",
						"result=\"hit\"") > hits);
			long recovered = System.nanoTime();
			List<Outcome> outcomes = load.stop();
			List<Outcome> duringOutage = Load.startedBetween(outcomes, stopped, restarted);

			report("Redis killed and restarted", "requests=" + outcomes.size(), "statuses=" + Load.byStatus(outcomes),
					"during the outage: requests=" + duringOutage.size() + " states=" + states(duringOutage),
					"caching again " + millis(restarted, recovered) + " ms after Redis was back");
			assertThat(Load.byStatus(outcomes)).containsOnlyKeys(200);
			assertThat(states(duringOutage)).containsOnlyKeys("fresh");
			assertThat(millis(restarted, recovered)).isLessThan(5_000);
		}
	}

	@Test
	@Order(3)
	void invalidationsMissedWhileTheWebhookReceiverWasDownArriveSoonAfterItIsBack() throws Exception {
		List<Long> namespaces = LongStream.rangeClosed(7_000_001, 7_000_005).boxed().toList();
		JsonNode cached = json.readTree(Load.send(gitlabGet(idsQuery(namespaces))).body());
		namespaces.forEach((id) -> assertThat(types(cached, id)).containsExactly("ultimate_with_dap"));
		// the old answers are in Redis: the next read is a hit for each namespace
		double hits = metric(product.gitlabPort(), "gitlab_trial_eligibility_cache_gets_total", "result=\"hit\"");
		Load.send(gitlabGet(idsQuery(namespaces)));
		assertThat(metric(product.gitlabPort(), "gitlab_trial_eligibility_cache_gets_total", "result=\"hit\""))
			.isEqualTo(hits + namespaces.size());
		double deliveredBefore = metric(product.cdotPort(), "cdot_notifications_webhook_deliveries_total",
				"outcome=\"delivered\"");

		product.killGitlab();
		String premium = premiumPlanId();
		for (long id : namespaces) {
			Outcome changed = Load.send(cdotPut("/api/v1/gitlab/namespaces/" + id + "/subscription",
					"{\"items\": [{\"product_rate_plan_id\": \"" + premium
							+ "\", \"quantity\": 10, \"starts_on\": \"2026-01-01\", \"ends_on\": \"2099-01-01\"}]}"));
			assertThat(changed.status()).isEqualTo(200);
		}
		product.startGitlab();
		long healthy = System.nanoTime();
		List<Outcome> reads = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
			Outcome read = Load.send(gitlabGet(idsQuery(namespaces)));
			reads.add(read);
			JsonNode answer = json.readTree(read.body());
			return namespaces.stream()
				.allMatch((id) -> types(answer, id).contains("ultimate_on_premium_with_dap")
						&& types(answer, id).contains("gitlab_duo_pro"));
		});
		long current = System.nanoTime();
		long oldAnswersServedFresh = reads.stream()
			.filter((read) -> read.body().contains("\"ultimate_with_dap\"") && read.body().contains("fresh"))
			.count();

		report("Webhook receiver down while subscriptions change", "subscriptions changed=" + namespaces.size(),
				"reads after the receiver was back=" + reads.size() + " (of them with old answers served fresh="
						+ oldAnswersServedFresh + ")",
				"every invalidation in " + millis(healthy, current) + " ms after the receiver was healthy",
				"webhooks delivered=" + (metric(product.cdotPort(), "cdot_notifications_webhook_deliveries_total",
						"outcome=\"delivered\"") - deliveredBefore));
		assertThat(millis(healthy, current)).isLessThan(6_000);
	}

	@Test
	@Order(4)
	void cdotKilledUnderLoadLeavesEveryAnswerA200AndIsUsedAgainSoonAfterItIsBack() throws Exception {
		List<Long> cached = LongStream.rangeClosed(8_000_001, 8_000_010).boxed().toList();
		Load.send(gitlabGet(idsQuery(cached)));
		long[] uncached = { 8_100_000 };
		try (Load load = Load.start(4, (n) -> {
			List<Long> ids = new ArrayList<>(randomSubset(cached, 2));
			ids.add(8_100_000 + n);
			return gitlabGet(idsQuery(ids));
		})) {
			await().atMost(Duration.ofSeconds(30)).until(() -> load.count() >= 50);
			product.killCdot();
			long killed = System.nanoTime();
			int atKill = load.count();
			await().atMost(Duration.ofSeconds(60)).until(() -> load.count() >= atKill + 200);
			List<Outcome> outcomes = load.stop();
			List<Outcome> duringOutage = Load.startedBetween(outcomes, killed, Long.MAX_VALUE);
			Map<String, Long> cachedStates = states(duringOutage, cached);
			Map<String, Long> uncachedStates = statesOfOthers(duringOutage, cached);

			report("CDot killed under load", "requests=" + outcomes.size(), "statuses=" + Load.byStatus(outcomes),
					"after the kill: requests=" + duringOutage.size() + " cached namespaces=" + cachedStates
							+ " uncached namespaces=" + uncachedStates);
			assertThat(Load.byStatus(outcomes)).containsOnlyKeys(200);
			assertThat(cachedStates).containsOnlyKeys("fresh");
			// answers fetched just before the kill are fresh, every later one degraded
			assertThat(uncachedStates).containsKey("degraded");
			assertThat(uncachedStates.keySet()).isSubsetOf("degraded", "fresh");
		}

		product.startCdot();
		long healthy = System.nanoTime();
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
			long id = 8_200_000 + ++uncached[0];
			return "fresh".equals(state(json.readTree(Load.send(gitlabGet(idsQuery(List.of(id)))).body()), id));
		});
		long fresh = System.nanoTime();
		report("CDot killed under load",
				"fresh answers again " + millis(healthy, fresh) + " ms after CDot was healthy");
		assertThat(millis(healthy, fresh)).isLessThan(5_000);
	}

	@Test
	@Order(5)
	void postgresStoppedUnderLoadIsAFast503AndCdotRecoversAlone() throws Exception {
		Map<Long, Integer> applies = new ConcurrentHashMap<>();
		try (Load reads = Load.start(4,
				(n) -> cdotGet("/api/v1/gitlab/namespaces/trials/eligibility?namespace_ids=" + (1001 + n % 6) + ","
						+ (9_500_000 + n)));
				Load writes = Load.start(2,
						(n) -> cdotPost("/api/v1/gitlab/namespaces/" + (9_000_000 + n) + "/trials", ULTIMATE_TRIAL))) {
			await().atMost(Duration.ofSeconds(30)).until(() -> reads.count() >= 50 && writes.count() >= 10);
			product.stopPostgres();
			long stopped = System.nanoTime();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> Load.send(cdotGet("/actuator/health/readiness")).status() == 503);
			assertThat(Load.send(cdotGet("/actuator/health/liveness")).status()).isEqualTo(200);
			int atStop = reads.count();
			await().atMost(Duration.ofSeconds(60)).until(() -> reads.count() >= atStop + 100);

			product.startPostgres();
			long restarted = System.nanoTime();
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> Load.send(cdotGet("/api/v1/gitlab/namespaces/trials/eligibility?namespace_ids=1001"))
					.status() == 200);
			long recovered = System.nanoTime();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> Load.send(cdotGet("/actuator/health/readiness")).status() == 200);
			List<Outcome> all = new ArrayList<>(reads.stop());
			List<Outcome> writeOutcomes = writes.stop();
			all.addAll(writeOutcomes);
			writeOutcomes.forEach((outcome) -> applies.put(Long.parseLong(namespaceOf(outcome)), outcome.status()));

			List<Outcome> outage = Load.startedBetween(all, stopped, restarted);
			List<Outcome> failures = Load.where(all, (outcome) -> outcome.status() == 503);
			List<Long> failureMillis = failures.stream().map(Outcome::millis).sorted().toList();
			report("PostgreSQL stopped and restarted under load", "requests=" + all.size(),
					"statuses=" + Load.byStatus(all),
					"during the outage: requests=" + outage.size() + " statuses=" + Load.byStatus(outage),
					"503 latency: median " + failureMillis.get(failureMillis.size() / 2) + " ms, max "
							+ failureMillis.get(failureMillis.size() - 1) + " ms",
					"answering again " + millis(restarted, recovered) + " ms after PostgreSQL was back");
			assertThat(Load.byStatus(all)).containsOnlyKeys(200, 201, 503);
			assertThat(failures).isNotEmpty().allSatisfy((failure) -> {
				assertThat(failure.retryAfter()).isNotBlank();
				assertThat(json.readTree(failure.body()).get("success").asBoolean()).isFalse();
			});
			assertThat(failureMillis.get(failureMillis.size() / 2)).isLessThan(1_500);
			// the slowest: a request already running on a connection the outage cut
			assertThat(failureMillis.get(failureMillis.size() - 1)).isLessThan(3_000);
			assertThat(millis(restarted, recovered)).isLessThan(5_000);
		}
		assertTrialsWrittenWhole(applies);
	}

	/**
	 * A trial either exists with its webhook or does not exist at all: one answered 201
	 * is there, one answered 503 may be there (the commit happened, the answer was lost)
	 * or not, and then applying again creates it; the outbox drains.
	 */
	private void assertTrialsWrittenWhole(Map<Long, Integer> applies) throws Exception {
		Map<String, Long> reapplied = new TreeMap<>();
		for (Map.Entry<Long, Integer> apply : applies.entrySet()) {
			long id = apply.getKey();
			if (apply.getValue() == 503) {
				int again = Load.send(cdotPost("/api/v1/gitlab/namespaces/" + id + "/trials", ULTIMATE_TRIAL)).status();
				reapplied.merge(Integer.toString(again), 1L, Long::sum);
				assertThat(again).isIn(201, 422);
			}
			JsonNode answer = json.readTree(
					Load.send(cdotGet("/api/v1/gitlab/namespaces/trials/eligibility?namespace_ids=" + id)).body());
			assertThat(answer.get("namespaces").get(Long.toString(id)).toString()).doesNotContain("ultimate_with_dap");
		}
		// a publication cut off by the outage is declared failed after 10 s, then retried
		await().atMost(Duration.ofSeconds(40))
			.until(() -> metric(product.cdotPort(), "cdot_notifications_outbox_backlog", "") == 0);
		report("PostgreSQL stopped and restarted under load", "trials applied=" + applies.size(),
				"503 applies applied again: " + reapplied, "outbox backlog after recovery=0");
	}

	@Test
	@Order(6)
	void cdotStopsWithinItsGracePeriodWhilePostgresIsDown() throws Exception {
		product.stopPostgres();
		long signalled = System.nanoTime();
		boolean stopped = product.terminateCdot(Duration.ofSeconds(25));
		long ended = System.nanoTime();
		product.startPostgres();

		report("SIGTERM while PostgreSQL is down",
				"cdot-service " + (stopped ? "stopped" : "was killed") + " after " + millis(signalled, ended) + " ms");
		assertThat(stopped).isTrue();
		assertThat(millis(signalled, ended)).isLessThan(15_000);
	}

	private static void report(String scenario, String... figures) {
		System.out.println("[fault-suite] " + scenario + ": " + String.join("; ", figures));
	}

	private static long millis(long fromNanos, long toNanos) {
		return TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos);
	}

	private static List<Long> randomSubset(List<Long> ids, int size) {
		List<Long> subset = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			subset.add(ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
		}
		return subset;
	}

	private static String idsQuery(List<Long> ids) {
		return "/api/v1/trial_eligibility?namespace_ids="
				+ String.join(",", ids.stream().map(String::valueOf).distinct().toList());
	}

	private static Map<String, Long> states(List<Outcome> outcomes) {
		return statesWhere(outcomes, (id) -> true);
	}

	private static Map<String, Long> states(List<Outcome> outcomes, List<Long> namespaces) {
		return statesWhere(outcomes, namespaces::contains);
	}

	private static Map<String, Long> statesOfOthers(List<Outcome> outcomes, List<Long> namespaces) {
		return statesWhere(outcomes, (id) -> !namespaces.contains(id));
	}

	private static Map<String, Long> statesWhere(List<Outcome> outcomes, java.util.function.LongPredicate which) {
		Map<String, Long> states = new TreeMap<>();
		for (Outcome outcome : outcomes) {
			if (outcome.status() != 200) {
				continue;
			}
			json.readTree(outcome.body()).get("namespaces").properties().forEach((entry) -> {
				if (which.test(Long.parseLong(entry.getKey()))) {
					states.merge(entry.getValue().get("state").asString(), 1L, Long::sum);
				}
			});
		}
		return states;
	}

	private static List<String> types(JsonNode answer, long namespace) {
		List<String> types = new ArrayList<>();
		answer.get("namespaces")
			.get(Long.toString(namespace))
			.get("trial_types")
			.forEach((type) -> types.add(type.asString()));
		return types;
	}

	private static String state(JsonNode answer, long namespace) {
		return answer.get("namespaces").get(Long.toString(namespace)).get("state").asString();
	}

	private static String namespaceOf(Outcome outcome) {
		Matcher matcher = Pattern.compile("/namespaces/(\\d+)/").matcher(outcome.request().uri().getPath());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private static String premiumPlanId() throws IOException {
		JsonNode plans = json
			.readTree(Load.send(cdotGet("/api/v1/catalog/classifications/all_gitlab_com_plans")).body())
			.get("plans");
		for (JsonNode plan : plans) {
			if (plan.get("name").asString().equals("GitLab.com Premium - 1 Year")) {
				return plan.get("id").asString();
			}
		}
		throw new AssertionError("No Premium plan in the demo catalog");
	}

	/**
	 * A series of a service's Prometheus scrape, summed over the series whose labels
	 * contain {@code labels}; {@code 0} when absent.
	 */
	private static double metric(int port, String name, String labels) {
		String scrape = Load
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
				.timeout(Duration.ofSeconds(10))
				.build())
			.body();
		Matcher matcher = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(scrape);
		double sum = 0;
		while (matcher.find()) {
			if (matcher.group(1) == null || matcher.group(1).contains(labels)) {
				sum += Double.parseDouble(matcher.group(2));
			}
		}
		return sum;
	}

	private static HttpRequest gitlabGet(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + product.gitlabPort() + path))
			.timeout(Duration.ofSeconds(30))
			.build();
	}

	private static HttpRequest cdotGet(String path) {
		return cdot(path).GET().build();
	}

	private static HttpRequest cdotPost(String path, String body) {
		return cdot(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)).build();
	}

	private static HttpRequest cdotPut(String path, String body) {
		return cdot(path).header("Content-Type", "application/json").PUT(BodyPublishers.ofString(body)).build();
	}

	private static HttpRequest.Builder cdot(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + product.cdotPort() + path))
			.timeout(Duration.ofSeconds(40))
			.header("X-Admin-Email", LocalProduct.GITLAB_EMAIL)
			.header("X-Admin-Token", LocalProduct.GITLAB_TOKEN);
	}

}

package io.cdottrials.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import io.cdottrials.gitlab.client.AnswerState;
import io.cdottrials.gitlab.client.EligibilityAnswer;
import io.cdottrials.gitlab.client.TrialEligibilityClient;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisStringCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The second half of the {@code scaling} suite: the GitLab side's cached 100-id lookup
 * through the library ({@link TrialEligibilityClient} in a Spring context of this JVM,
 * built as {@link EligibilityLookupBenchmark} builds it) on one standalone Redis and on a
 * Redis Cluster of 3 masters with a replica each, both Debian's {@code redis-server}.
 * <p>
 * {@value #CACHED_NAMESPACES} namespaces are filled through the client first (CDot a stub
 * answering whatever it is asked); each lookup then asks for 100 distinct random ones of
 * them, closed loop with {@code bench.scaling.lookup-threads} threads. The stub counts
 * its calls: a lookup measured as cached must make none. Beside it, on the same topology,
 * the peer: a bare Lettuce client's {@code MGET} of the same keys. Each of the four loops
 * warms up and measures for half of {@code bench.scaling.warmup} and
 * {@code bench.scaling.duration} (the client in this JVM warms faster than a child JVM,
 * and the suite stays near 6 minutes).
 */
final class GitlabLookupThroughput {

	static final int CACHED_NAMESPACES = 100_000;

	private static final int BATCH = 100;

	private static final int FILLERS = 8;

	// prepared before measuring, so that drawing random ids is not part of the figure
	private static final int PREPARED_BATCHES = 10_000;

	private GitlabLookupThroughput() {
	}

	/**
	 * Measures on the standalone server, then on the cluster.
	 * @param scaling the suite's settings
	 * @param work where the servers keep their files and logs
	 * @return the standalone figure first, then the cluster's
	 * @throws Exception when a server cannot start
	 */
	static List<Topology> measure(Scaling.ScalingSettings scaling, Path work) throws Exception {
		RedisServerProcess.ensureInstalled();
		List<Topology> topologies = new ArrayList<>();
		try (CdotEligibilityStub cdot = new CdotEligibilityStub()) {
			try (RedisServerProcess standalone = RedisServerProcess.start(work.resolve("redis-standalone"),
					ServiceStartup.freePort())) {
				topologies
					.add(measureOn("standalone Redis", "standalone", List.of(standalone.port()), false, cdot, scaling));
			}
			try (RedisClusterProcess cluster = RedisClusterProcess.start(work.resolve("redis-cluster"))) {
				topologies.add(measureOn("Redis Cluster, 3 masters + 3 replicas", "cluster 3+3", cluster.ports(), true,
						cdot, scaling));
			}
		}
		return topologies;
	}

	private static Topology measureOn(String name, String shortName, List<Integer> ports, boolean cluster,
			CdotEligibilityStub cdot, Scaling.ScalingSettings scaling) throws InterruptedException {
		String redisProperty = cluster
				? "spring.data.redis.cluster.nodes="
						+ String.join(",", ports.stream().map((port) -> "127.0.0.1:" + port).toList())
				: "spring.data.redis.url=redis://127.0.0.1:" + ports.get(0);
		Duration warmup = scaling.warmup().dividedBy(2);
		Duration duration = scaling.duration().dividedBy(2);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
				EligibilityLookupBenchmark.BenchmarkApplication.class)
			.web(WebApplicationType.NONE)
			.properties(redisProperty, "gitlab.cdot.base-url=" + cdot.baseUrl(), "gitlab.admin.token=benchmark",
					"gitlab.cdot.read-timeout=30s", "logging.level.root=warn", "spring.main.banner-mode=off")
			.run()) {
			TrialEligibilityClient client = context.getBean(TrialEligibilityClient.class);
			long fillStarted = System.nanoTime();
			fill(client, name);
			double fillSeconds = (System.nanoTime() - fillStarted) / 1e9;
			List<List<Long>> batches = randomBatches();
			long cdotCallsBefore = cdot.calls();
			AtomicLong next = new AtomicLong();
			System.out.printf(Locale.ROOT,
					"scaling: GitLab side on %s, %d cached namespaces (filled in %.1f s), %d threads (warm-up %ds, "
							+ "then %ds)%n",
					name, CACHED_NAMESPACES, fillSeconds, scaling.lookupThreads(), warmup.toSeconds(),
					duration.toSeconds());
			ClosedLoop.Outcome outcome = ClosedLoop.run(scaling.lookupThreads(), warmup, duration, () -> {
				List<Long> ids = batches.get((int) Math.floorMod(next.getAndIncrement(), (long) batches.size()));
				return allFresh(client.eligibility(ids), ids.size());
			});
			long cdotCalls = cdot.calls() - cdotCallsBefore;
			ClosedLoop.Outcome rawMget = rawMget(ports, cluster, batches, scaling.lookupThreads(), warmup, duration);
			System.out.printf(Locale.ROOT,
					"scaling: GitLab side on %s: %.0f lookups/s, p50 %.3f ms, p99 %.3f ms, %d CDot calls; "
							+ "raw MGET %.0f/s%n",
					name, outcome.throughput(), outcome.millis(50), outcome.millis(99), cdotCalls,
					rawMget.throughput());
			return new Topology(name, shortName, outcome, rawMget, cdotCalls, fillSeconds);
		}
	}

	/**
	 * Looks up every namespace once, 100 at a time from several threads: each cold lookup
	 * waits on CDot's answer and its write-back.
	 */
	private static void fill(TrialEligibilityClient client, String name) throws InterruptedException {
		ExecutorService fillers = Executors.newFixedThreadPool(FILLERS);
		try {
			List<Future<Boolean>> lookups = new ArrayList<>();
			for (long from = 1; from <= CACHED_NAMESPACES; from += BATCH) {
				List<Long> ids = LongStream.range(from, from + BATCH).boxed().toList();
				lookups.add(fillers.submit(() -> allFresh(client.eligibility(ids), ids.size())));
			}
			for (Future<Boolean> lookup : lookups) {
				if (!lookup.get()) {
					throw new IllegalStateException("filling the cache on " + name + " got a degraded answer");
				}
			}
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("filling the cache on " + name + " failed", ex.getCause());
		}
		finally {
			fillers.shutdownNow();
		}
	}

	/**
	 * The peer: a plain Lettuce {@code MGET} of the same keys on a bare client (byte
	 * arrays, nothing decoded), the cluster client splitting it by slot as it does for
	 * any caller. What the topology costs without the library.
	 */
	private static ClosedLoop.Outcome rawMget(List<Integer> ports, boolean cluster, List<List<Long>> batches,
			int threads, Duration warmup, Duration duration) throws InterruptedException {
		List<byte[][]> keys = batches.stream().map(EligibilityLookupBenchmark::keys).toList();
		List<RedisURI> nodes = ports.stream().map((port) -> RedisURI.create("127.0.0.1", port)).toList();
		if (cluster) {
			RedisClusterClient client = RedisClusterClient.create(nodes);
			try (StatefulRedisClusterConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
				return mgetLoop(connection.sync(), keys, threads, warmup, duration);
			}
			finally {
				client.shutdown();
			}
		}
		RedisClient client = RedisClient.create(nodes.get(0));
		try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
			return mgetLoop(connection.sync(), keys, threads, warmup, duration);
		}
		finally {
			client.shutdown();
		}
	}

	private static ClosedLoop.Outcome mgetLoop(RedisStringCommands<byte[], byte[]> commands, List<byte[][]> keys,
			int threads, Duration warmup, Duration duration) throws InterruptedException {
		AtomicLong next = new AtomicLong();
		return ClosedLoop.run(threads, warmup, duration, () -> {
			byte[][] batch = keys.get((int) Math.floorMod(next.getAndIncrement(), (long) keys.size()));
			return commands.mget(batch).stream().filter(KeyValue::hasValue).count() == batch.length;
		});
	}

	private static boolean allFresh(EligibilityAnswer answer, int asked) {
		return answer.namespaces().size() == asked
				&& answer.namespaces().values().stream().allMatch((one) -> one.state() == AnswerState.FRESH);
	}

	private static List<List<Long>> randomBatches() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		List<List<Long>> batches = new ArrayList<>(PREPARED_BATCHES);
		for (int i = 0; i < PREPARED_BATCHES; i++) {
			batches.add(random.longs(1, CACHED_NAMESPACES + 1L).distinct().limit(BATCH).boxed().toList());
		}
		return batches;
	}

	/**
	 * One Redis topology's measurement.
	 *
	 * @param name the topology
	 * @param shortName the topology in a few characters, for the chart
	 * @param outcome the closed loop's measured part; a lookup failed when it was not
	 * answered fresh for all 100 namespaces
	 * @param rawMget the peer: a bare Lettuce client's {@code MGET} of the same keys,
	 * same threads; failed when a key had no value
	 * @param cdotCalls CDot calls during warm-up and measurement: 0 when every lookup was
	 * served from the cache
	 * @param fillSeconds how long filling the cache took (100-id cold lookups)
	 */
	record Topology(String name, String shortName, ClosedLoop.Outcome outcome, ClosedLoop.Outcome rawMget,
			long cdotCalls, double fillSeconds) {
	}

}

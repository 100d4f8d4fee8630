package io.cdottrials.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.cdottrials.gitlab.client.AnswerState;
import io.cdottrials.gitlab.client.EligibilityAnswer;
import io.cdottrials.gitlab.client.TrialEligibilityAutoConfiguration;
import io.cdottrials.gitlab.client.TrialEligibilityClient;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import redis.embedded.RedisServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnection;

/**
 * GitLab-side lookups of 100 namespaces, side by side in one JMH run on one embedded
 * Redis (CDot a local WireMock stub):
 * <ul>
 * <li>{@code cachedLookupThroughClient}: gitlab-client, all 100 cached;</li>
 * <li>{@code rawLettuceMget}: the floor, a raw Lettuce {@code MGET} of the same 100 keys
 * (byte arrays, nothing decoded);</li>
 * <li>{@code springCacheableOneKeyAtATime}: a {@code @Cacheable} method over
 * {@code RedisCacheManager} (Spring's defaults), called once per namespace;</li>
 * <li>{@code railsExistsThenMultiRead}: GitLab Rails' strategy, an {@code EXISTS} per key
 * and then one {@code MGET} of the JSON values, parsed;</li>
 * <li>{@code tenOfHundredMissingThroughClient}: the client with 10 of the 100 missing
 * (only they go to CDot), against {@code coldLookupThroughClient}, all 100 missing (what
 * Rails does when any one is missing).</li>
 * </ul>
 * {@link #main} takes JMH's command line options and prints each median and its ratio to
 * its peer ({@link #PEERS}, also what {@link RunAll} reports).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EligibilityLookupBenchmark {

	/** Each method's peer, and the goal of the ratio method / peer. */
	static final Map<String, JmhPeer> PEERS = peers();

	private static final int NAMESPACES = 100;

	private static final int MISSING = 10;

	private static final String KEY_PREFIX = "namespaces:eligible_trials:";

	private static final String RAILS_PREFIX = "rails:namespaces:eligible_trials:";

	private static final List<String> TYPES = List.of("ultimate_with_dap", "gitlab_duo_pro");

	private static final JsonMapper json = JsonMapper.builder().build();

	private RedisServer redisServer;

	private WireMockServer cdot;

	private ConfigurableApplicationContext context;

	private TrialEligibilityClient client;

	private CacheableEligibility cacheable;

	private RedisClient lettuce;

	private StatefulRedisConnection<byte[], byte[]> bytesConnection;

	private RedisCommands<byte[], byte[]> bytes;

	private RedisClusterAsyncCommands<byte[], byte[]> bootConnection;

	private StatefulRedisConnection<String, String> stringConnection;

	private RedisCommands<String, String> strings;

	private List<Long> warmIds;

	private List<Long> coldIds;

	private List<Long> partialIds;

	private byte[][] warmKeys;

	private String[] railsKeys;

	@Setup(Level.Trial)
	public void start() throws IOException {
		int redisPort = freePort();
		this.redisServer = RedisServer.newRedisServer()
			.port(redisPort)
			.bind("127.0.0.1")
			.setting("save \"\"")
			.setting("appendonly no")
			.build();
		this.redisServer.start();
		try {
			startClient(redisPort);
		}
		catch (RuntimeException ex) {
			stop();
			throw ex;
		}
	}

	private void startClient(int redisPort) {
		this.warmIds = ids(1_000_000);
		this.coldIds = ids(2_000_000);
		this.partialIds = ids(3_000_000);
		this.cdot = new WireMockServer(WireMockConfiguration.options().dynamicPort().disableRequestJournal());
		this.cdot.start();
		// each answer holds exactly the namespaces asked for, as CDot's does
		stubCdot(this.warmIds.get(0), this.warmIds, 2);
		stubCdot(this.coldIds.get(0), this.coldIds, 2);
		// the warm-up asks for all 100 partial ids, the benchmark for the first 10
		stubCdot(this.partialIds.get(NAMESPACES - 1), this.partialIds, 1);
		stubCdot(this.partialIds.get(0), this.partialIds.subList(0, MISSING), 2);
		this.context = new SpringApplicationBuilder(BenchmarkApplication.class).web(WebApplicationType.NONE)
			.properties("spring.data.redis.url=redis://127.0.0.1:" + redisPort,
					"gitlab.cdot.base-url=" + this.cdot.baseUrl(), "gitlab.admin.token=benchmark",
					// a cold JVM's first CDot call on a loaded machine can take seconds
					"gitlab.cdot.read-timeout=30s", "logging.level.root=warn", "spring.main.banner-mode=off")
			.run();
		this.client = this.context.getBean(TrialEligibilityClient.class);
		this.cacheable = this.context.getBean(CacheableEligibility.class);
		try (RedisConnection connection = this.context.getBean(RedisConnectionFactory.class).getConnection()) {
			// the factory's shared native connection: lives as long as the factory
			this.bootConnection = ((LettuceConnection) connection).getNativeConnection();
		}
		this.lettuce = RedisClient.create("redis://127.0.0.1:" + redisPort);
		this.bytesConnection = this.lettuce.connect(ByteArrayCodec.INSTANCE);
		this.bytes = this.bytesConnection.sync();
		this.stringConnection = this.lettuce.connect();
		this.strings = this.stringConnection.sync();
		this.warmKeys = this.warmIds.stream()
			.map((id) -> (KEY_PREFIX + id).getBytes(StandardCharsets.US_ASCII))
			.toArray(byte[][]::new);
		this.railsKeys = this.warmIds.stream().map((id) -> RAILS_PREFIX + id).toArray(String[]::new);
		requireFresh(this.client.eligibility(this.warmIds));
		requireFresh(this.client.eligibility(this.partialIds));
		this.warmIds.forEach(this.cacheable::eligibility);
		Map<String, String> rails = new LinkedHashMap<>();
		for (String key : this.railsKeys) {
			rails.put(key, "{\"trial_types\":[\"ultimate_with_dap\",\"gitlab_duo_pro\"],\"fetched_at\":"
					+ System.currentTimeMillis() + "}");
		}
		this.strings.mset(rails);
	}

	private void stubCdot(long askedFor, List<Long> answered, int priority) {
		this.cdot.stubFor(WireMock.post("/api/v1/gitlab/namespaces/trials/eligibility")
			.atPriority(priority)
			.withRequestBody(WireMock.containing(String.valueOf(askedFor)))
			.willReturn(WireMock.okJson(eligibilityBody(answered))));
	}

	private static void requireFresh(EligibilityAnswer answer) {
		if (answer.namespaces().values().stream().anyMatch((one) -> one.state() != AnswerState.FRESH)) {
			throw new IllegalStateException("The warm-up lookup did not reach CDot: " + answer);
		}
	}

	@TearDown(Level.Trial)
	public void stop() throws IOException {
		if (this.bytesConnection != null) {
			this.bytesConnection.close();
			this.stringConnection.close();
			this.lettuce.shutdown();
		}
		if (this.context != null) {
			this.context.close();
		}
		if (this.cdot != null) {
			this.cdot.stop();
		}
		this.redisServer.stop();
	}

	@Benchmark
	public EligibilityAnswer cachedLookupThroughClient() {
		return this.client.eligibility(this.warmIds);
	}

	// the floor: the same MGET of the same 100 keys, every value handed to the Blackhole
	// (the client reads every value too), nothing decoded
	@Benchmark
	public void rawLettuceMget(Blackhole blackhole) {
		consume(this.bytes.mget(this.warmKeys), blackhole);
	}

	@Benchmark
	public void rawMgetOnBootsConnection(Blackhole blackhole) throws Exception {
		consume(this.bootConnection.mget(this.warmKeys).get(5, TimeUnit.SECONDS), blackhole);
	}

	private static void consume(List<KeyValue<byte[], byte[]>> values, Blackhole blackhole) {
		for (int i = 0; i < values.size(); i++) {
			blackhole.consume(values.get(i).getValueOrElse(null));
		}
	}

	@Benchmark
	public Map<Long, List<String>> springCacheableOneKeyAtATime() {
		Map<Long, List<String>> answers = new LinkedHashMap<>();
		for (Long id : this.warmIds) {
			answers.put(id, this.cacheable.eligibility(id));
		}
		return answers;
	}

	@Benchmark
	public Map<Long, List<String>> railsExistsThenMultiRead() {
		// Rails: is every namespace cached? (one EXISTS each) then one read of them all
		for (String key : this.railsKeys) {
			if (this.strings.exists(key) == 0) {
				throw new IllegalStateException(key + " is not cached");
			}
		}
		List<KeyValue<String, String>> values = this.strings.mget(this.railsKeys);
		Map<Long, List<String>> answers = new LinkedHashMap<>();
		for (int i = 0; i < values.size(); i++) {
			JsonNode value = json.readTree(values.get(i).getValue());
			List<String> types = new ArrayList<>();
			value.get("trial_types").forEach((type) -> types.add(type.asString()));
			answers.put(this.warmIds.get(i), types);
		}
		return answers;
	}

	@Benchmark
	public EligibilityAnswer coldLookupThroughClient(ColdKeys cold) {
		return this.client.eligibility(this.coldIds);
	}

	@Benchmark
	public EligibilityAnswer tenOfHundredMissingThroughClient(TenMissingKeys missing) {
		return this.client.eligibility(this.partialIds);
	}

	/**
	 * Deletes the 100 cold keys before each cold lookup.
	 */
	@State(Scope.Benchmark)
	public static class ColdKeys {

		@Setup(Level.Invocation)
		public void evict(EligibilityLookupBenchmark benchmark) {
			benchmark.bytes.del(keys(benchmark.coldIds));
		}

	}

	/**
	 * Deletes 10 of the 100 partial keys before each partial lookup.
	 */
	@State(Scope.Benchmark)
	public static class TenMissingKeys {

		@Setup(Level.Invocation)
		public void evict(EligibilityLookupBenchmark benchmark) {
			benchmark.bytes.del(keys(benchmark.partialIds.subList(0, MISSING)));
		}

	}

	public static void main(String[] args) throws RunnerException, CommandLineOptionException {
		CommandLineOptions commandLine = new CommandLineOptions(args);
		OptionsBuilder builder = new OptionsBuilder();
		builder.parent(commandLine);
		if (commandLine.getIncludes().isEmpty()) {
			// every method of this class unless the command line names some
			builder.include(EligibilityLookupBenchmark.class.getSimpleName());
		}
		Options options = builder.build();
		// as RunAll measures them: -f forks taken in turns (every method in one fork,
		// then again), each fork's median, the median of the forks, the ratio of the
		// medians
		Map<String, double[]> forks = JmhSuite
			.forkMedians(JmhSuite.inTurns(options, commandLine.getForkCount().orElse(1)));
		Map<String, Double> medians = new LinkedHashMap<>();
		forks.forEach((name, values) -> medians.put(name, Figure.median(values)));
		System.out.println();
		forks.forEach((name, values) -> System.out.printf(Locale.ROOT, "%-34s median %10.1f us/op   forks %s%n", name,
				medians.get(name),
				Arrays.stream(values)
					.mapToObj((value) -> String.format(Locale.ROOT, "%.1f", value))
					.collect(Collectors.joining(" "))));
		PEERS.forEach((method, peer) -> {
			Double value = medians.get(method);
			Double peerValue = medians.get(peer.method());
			if (value != null && peerValue != null) {
				double ratio = value / peerValue;
				System.out.printf(Locale.ROOT, "%-34s / %-26s %8.2f x   goal %s%n", method, peer.method(), ratio,
						(peer.goal() != null) ? peer.goal() + (peer.met().test(ratio) ? " met" : " NOT met") : "none");
			}
		});
	}

	private static Map<String, JmhPeer> peers() {
		Map<String, JmhPeer> peers = new LinkedHashMap<>();
		peers.put("cachedLookupThroughClient", JmhPeer.of("rawLettuceMget", "<= 1.3", (ratio) -> ratio <= 1.3));
		peers.put("rawMgetOnBootsConnection", JmhPeer.of("rawLettuceMget"));
		peers.put("springCacheableOneKeyAtATime",
				JmhPeer.of("cachedLookupThroughClient", ">= 10 (client 10x faster)", (ratio) -> ratio >= 10));
		peers.put("railsExistsThenMultiRead",
				JmhPeer.of("cachedLookupThroughClient", "> 1 (client ahead)", (ratio) -> ratio > 1));
		peers.put("tenOfHundredMissingThroughClient",
				JmhPeer.of("coldLookupThroughClient", "< 1 (cheaper than refetching all)", (ratio) -> ratio < 1));
		peers.put("coldLookupThroughClient", JmhPeer.of("cachedLookupThroughClient"));
		return Collections.unmodifiableMap(peers);
	}

	private static List<Long> ids(long from) {
		List<Long> ids = new ArrayList<>();
		for (long id = from; id < from + NAMESPACES; id++) {
			ids.add(id);
		}
		return ids;
	}

	static byte[][] keys(List<Long> ids) {
		return ids.stream().map((id) -> (KEY_PREFIX + id).getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
	}

	static String eligibilityBody(List<Long> ids) {
		StringBuilder body = new StringBuilder("{\"namespaces\":{");
		for (int i = 0; i < ids.size(); i++) {
			body.append((i > 0) ? "," : "")
				.append('"')
				.append(ids.get(i))
				.append("\":[\"ultimate_with_dap\",\"gitlab_duo_pro\"]");
		}
		return body.append("},\"success\":true}").toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * The {@code @Cacheable} way: one namespace per call, Spring's cache abstraction over
	 * {@code RedisCacheManager} with its defaults (JDK serialization of the value).
	 */
	public static class CacheableEligibility {

		@Cacheable("trial-eligibility")
		public List<String> eligibility(Long namespaceId) {
			// stands for the CDot call, made only on a miss (the warm-up)
			return new ArrayList<>(TYPES);
		}

	}

	/**
	 * A GitLab-side host application with the auto-configuration the client builds on. It
	 * names them rather than enabling everything, since the benchmarks' class path also
	 * carries cdot-service (a database, Modulith) for the other benchmarks.
	 */
	@SpringBootConfiguration
	@EnableCaching
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, DataRedisAutoConfiguration.class,
			RestClientAutoConfiguration.class, TrialEligibilityAutoConfiguration.class })
	static class BenchmarkApplication {

		@Bean
		RedisCacheManager cacheManager(RedisConnectionFactory connectionFactory) {
			return RedisCacheManager.create(connectionFactory);
		}

		@Bean
		CacheableEligibility cacheableEligibility() {
			return new CacheableEligibility();
		}

	}

}

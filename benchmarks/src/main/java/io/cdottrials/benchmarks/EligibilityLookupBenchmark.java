package io.cdottrials.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import redis.embedded.RedisServer;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A 100-namespace eligibility lookup through gitlab-client, against a raw Lettuce MGET of
 * the same 100 keys on the same embedded Redis, and the cold path (all 100 missing, CDot
 * a local WireMock stub). {@link #main} runs the three in one JMH run and prints their
 * medians and the ratio of the cached lookup to the raw MGET.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EligibilityLookupBenchmark {

	private static final int NAMESPACES = 100;

	private static final String KEY_PREFIX = "namespaces:eligible_trials:";

	private RedisServer redisServer;

	private WireMockServer cdot;

	private ConfigurableApplicationContext context;

	private TrialEligibilityClient client;

	private RedisClient lettuce;

	private StatefulRedisConnection<String, String> connection;

	private RedisCommands<String, String> redis;

	private List<Long> warmIds;

	private List<Long> coldIds;

	private String[] warmKeys;

	private String[] coldKeys;

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
		this.cdot = new WireMockServer(WireMockConfiguration.options().dynamicPort().disableRequestJournal());
		this.cdot.start();
		this.cdot.stubFor(WireMock.post("/api/v1/gitlab/namespaces/trials/eligibility")
			.willReturn(WireMock.okJson(eligibilityBody(this.warmIds, this.coldIds))));
		this.context = new SpringApplicationBuilder(BenchmarkApplication.class).web(WebApplicationType.NONE)
			.properties("spring.data.redis.url=redis://127.0.0.1:" + redisPort,
					"gitlab.cdot.base-url=" + this.cdot.baseUrl(), "gitlab.admin.token=benchmark",
					"logging.level.root=warn", "spring.main.banner-mode=off")
			.run();
		this.client = this.context.getBean(TrialEligibilityClient.class);
		this.lettuce = RedisClient.create("redis://127.0.0.1:" + redisPort);
		this.connection = this.lettuce.connect();
		this.redis = this.connection.sync();
		this.warmKeys = keys(this.warmIds);
		this.coldKeys = keys(this.coldIds);
		EligibilityAnswer warm = this.client.eligibility(this.warmIds);
		if (warm.namespaces().values().stream().anyMatch((answer) -> answer.state() != AnswerState.FRESH)) {
			throw new IllegalStateException("The warm-up lookup did not reach CDot: " + warm);
		}
	}

	@Setup(Level.Invocation)
	public void evictColdKeys() {
		this.redis.del(this.coldKeys);
	}

	@TearDown(Level.Trial)
	public void stop() throws IOException {
		if (this.connection != null) {
			this.connection.close();
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

	@Benchmark
	public List<KeyValue<String, String>> rawLettuceMget() {
		return this.redis.mget(this.warmKeys);
	}

	@Benchmark
	public EligibilityAnswer coldLookupThroughClient() {
		return this.client.eligibility(this.coldIds);
	}

	public static void main(String[] args) throws RunnerException, CommandLineOptionException {
		Options options = new OptionsBuilder().parent(new CommandLineOptions(args))
			.include(EligibilityLookupBenchmark.class.getSimpleName())
			.build();
		Collection<RunResult> results = new Runner(options).run();
		Map<String, Double> medians = new LinkedHashMap<>();
		for (RunResult result : results) {
			String name = result.getParams().getBenchmark();
			medians.put(name.substring(name.lastIndexOf('.') + 1),
					result.getPrimaryResult().getStatistics().getPercentile(50));
		}
		System.out.println();
		medians.forEach((name, median) -> System.out.printf("%-28s median %10.1f us/op%n", name, median));
		Double cached = medians.get("cachedLookupThroughClient");
		Double raw = medians.get("rawLettuceMget");
		Double cold = medians.get("coldLookupThroughClient");
		if (cached != null && raw != null) {
			System.out.printf("cached lookup / raw MGET      %10.2f x%n", cached / raw);
		}
		if (cold != null && cached != null) {
			System.out.printf("cold lookup / cached lookup   %10.2f x%n", cold / cached);
		}
	}

	private static List<Long> ids(long from) {
		List<Long> ids = new ArrayList<>();
		for (long id = from; id < from + NAMESPACES; id++) {
			ids.add(id);
		}
		return ids;
	}

	private static String[] keys(List<Long> ids) {
		return ids.stream().map((id) -> KEY_PREFIX + id).toArray(String[]::new);
	}

	private static String eligibilityBody(List<Long> warm, List<Long> cold) {
		StringBuilder body = new StringBuilder("{\"namespaces\":{");
		List<Long> all = new ArrayList<>(warm);
		all.addAll(cold);
		for (int i = 0; i < all.size(); i++) {
			body.append((i > 0) ? "," : "")
				.append('"')
				.append(all.get(i))
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
	 * A GitLab-side host application with the auto-configuration the client builds on. It
	 * names them rather than enabling everything, since the benchmarks' class path also
	 * carries cdot-service (a database, Modulith) for the other benchmarks.
	 */
	@SpringBootConfiguration
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, DataRedisAutoConfiguration.class,
			RestClientAutoConfiguration.class, TrialEligibilityAutoConfiguration.class })
	static class BenchmarkApplication {

	}

}

package io.cdottrials.benchmarks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * A JMH benchmark class as a suite: runs its {@code @Benchmark} methods in one forked JVM
 * and reports each method's median against the method named as its peer (e.g. the
 * client's cached lookup against a raw Redis {@code MGET} of the same keys). Methods
 * without a peer are reported alone.
 * <p>
 * This is the hook for the GitLab side's figures: a new method in a benchmark class plus
 * one entry in {@code peers} (method name to its {@link JmhPeer}) in
 * {@link RunAll#SUITES} puts it, with its ratio, into results.json.
 */
final class JmhSuite implements Suite {

	private final String name;

	private final Class<?> benchmark;

	private final Map<String, JmhPeer> peers;

	/**
	 * @param name the suite's name
	 * @param benchmark the JMH benchmark class
	 * @param peers method name to its peer (and the goal of their ratio)
	 */
	JmhSuite(String name, Class<?> benchmark, Map<String, JmhPeer> peers) {
		this.name = name;
		this.benchmark = benchmark;
		this.peers = peers;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public void run(Settings settings, Results results) throws Exception {
		Options options = new OptionsBuilder().include(this.benchmark.getName() + "\\.")
			.forks(1)
			.warmupIterations(settings.quick() ? 1 : 3)
			.warmupTime(TimeValue.seconds(settings.quick() ? 1 : 2))
			.measurementIterations(settings.quick() ? 1 : 5)
			.measurementTime(TimeValue.seconds(settings.quick() ? 1 : 3))
			.timeUnit(TimeUnit.MICROSECONDS)
			.build();
		Collection<RunResult> runs = new Runner(options).run();
		// median of each method, keyed by method name and its @Param values
		Map<String, Double> medians = new LinkedHashMap<>();
		Map<String, Object> details = new LinkedHashMap<>();
		for (RunResult run : runs) {
			String key = key(run.getParams().getBenchmark(), params(run));
			double median = run.getPrimaryResult().getStatistics().getPercentile(50);
			medians.put(key, median);
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("median", median);
			result.put("p90", run.getPrimaryResult().getStatistics().getPercentile(90));
			result.put("unit", run.getPrimaryResult().getScoreUnit());
			details.put(key, result);
		}
		for (RunResult run : runs) {
			String method = method(run.getParams().getBenchmark());
			String params = params(run);
			String key = key(run.getParams().getBenchmark(), params);
			Figure figure = Figure.of(this.name + " " + method + params, medians.get(key),
					run.getPrimaryResult().getScoreUnit() + " p50");
			JmhPeer peer = this.peers.get(method);
			if (peer != null) {
				Double peerValue = medians.get(key(this.benchmark.getName() + "." + peer.method(), params));
				if (peerValue != null) {
					figure = figure.against(peer.method() + params, peerValue);
					if (peer.goal() != null && figure.ratio() != null) {
						figure = figure.goal("ratio " + peer.goal(), peer.met().test(figure.ratio()));
					}
				}
			}
			results.figure(figure);
		}
		results.details(this.name, details);
	}

	private static String params(RunResult run) {
		List<String> keys = List.copyOf(run.getParams().getParamsKeys());
		if (keys.isEmpty()) {
			return "";
		}
		StringBuilder params = new StringBuilder(" (");
		for (int i = 0; i < keys.size(); i++) {
			params.append((i > 0) ? ", " : "")
				.append(keys.get(i))
				.append('=')
				.append(run.getParams().getParam(keys.get(i)));
		}
		return params.append(')').toString();
	}

	private static String key(String benchmark, String params) {
		return method(benchmark) + params;
	}

	private static String method(String benchmark) {
		return benchmark.substring(benchmark.lastIndexOf('.') + 1);
	}

}

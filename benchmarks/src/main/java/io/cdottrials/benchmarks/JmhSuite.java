package io.cdottrials.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * A JMH benchmark class as a suite: runs its {@code @Benchmark} methods in
 * {@code bench.runs} forked JVMs (a fresh JIT and heap each), every method once per run
 * (see {@link #inTurns}), and reports each method's median against the method named as
 * its peer (e.g. the client's cached lookup against a raw Redis {@code MGET} of the same
 * keys): each fork's median, then the median of the forks, the ratio between the two
 * medians, and each fork's value in results.json. Methods without a peer are reported
 * alone.
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
			.warmupIterations(settings.quick() ? 1 : 3)
			.warmupTime(TimeValue.seconds(settings.quick() ? 1 : 2))
			.measurementIterations(settings.quick() ? 1 : 5)
			.measurementTime(TimeValue.seconds(settings.quick() ? 1 : 2))
			.timeUnit(TimeUnit.MICROSECONDS)
			.build();
		List<Collection<RunResult>> runs = inTurns(options, settings.runs());
		Map<String, double[]> forks = forkMedians(runs);
		Map<String, Object> details = new LinkedHashMap<>();
		forks.forEach((key, values) -> {
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("median_of_forks", Figure.median(values));
			result.put("fork_medians", values);
			result.put("fork_p90s", forkPercentiles(runs, key, 90));
			details.put(key, result);
		});
		for (RunResult run : runs.get(0)) {
			String method = method(run.getParams().getBenchmark());
			String params = params(run);
			String key = key(run.getParams().getBenchmark(), params);
			Figure figure = Figure.ofRuns(this.name + " " + method + params, forks.get(key),
					run.getPrimaryResult().getScoreUnit() + " p50");
			JmhPeer peer = this.peers.get(method);
			if (peer != null) {
				double[] peerForks = forks.get(key(this.benchmark.getName() + "." + peer.method(), params));
				if (peerForks != null) {
					figure = figure.against(peer.method() + params, peerForks);
					if (peer.goal() != null && figure.ratio() != null) {
						figure = figure.goal("ratio " + peer.goal(), peer.met().test(figure.ratio()));
					}
				}
			}
			results.figure(figure);
		}
		results.details(this.name, details);
	}

	/**
	 * Runs every selected method in one fork, then all of them again in the next, and so
	 * on: JMH's own {@code -f 3} runs all forks of one method before the next method, so
	 * a busy minute on the machine would hit a method and spare its peer.
	 * @param options what to run; its fork count is ignored
	 * @param runs how many forks of each method
	 * @return each run's results
	 * @throws RunnerException when JMH fails
	 */
	static List<Collection<RunResult>> inTurns(Options options, int runs) throws RunnerException {
		List<Collection<RunResult>> results = new ArrayList<>();
		for (int run = 0; run < runs; run++) {
			System.out.printf(Locale.ROOT, "%n# run %d of %d (one fork of each method)%n", run + 1, runs);
			results.add(new Runner(new OptionsBuilder().parent(options).forks(1).build()).run());
		}
		return results;
	}

	/**
	 * Each fork's median of each method.
	 * @param runs JMH's results, one fork of each method per run
	 * @return by method name and its {@code @Param} values, the median of each fork in
	 * the order run
	 */
	static Map<String, double[]> forkMedians(List<Collection<RunResult>> runs) {
		Map<String, double[]> medians = new LinkedHashMap<>();
		for (RunResult run : runs.get(0)) {
			String key = key(run.getParams().getBenchmark(), params(run));
			medians.put(key, forkPercentiles(runs, key, 50));
		}
		return medians;
	}

	private static double[] forkPercentiles(List<Collection<RunResult>> runs, String key, double percentile) {
		// a SampleTime fork's statistics are its samples, any other mode's its
		// iterations' scores
		return runs.stream()
			.flatMap(Collection::stream)
			.filter((run) -> key(run.getParams().getBenchmark(), params(run)).equals(key))
			.flatMap((run) -> run.getBenchmarkResults().stream())
			.mapToDouble((fork) -> fork.getPrimaryResult().getStatistics().getPercentile(percentile))
			.toArray();
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

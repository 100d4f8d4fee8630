package io.cdottrials.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What one run measures and for how long, from system properties.
 * {@code bench.quick=true} shortens everything to prove that each benchmark works
 * (figures from it mean nothing).
 *
 * @param quick whether this is a short proving run
 * @param repository the repository root: where the service jars are found and results go
 * @param output where results.json and the charts are written: docs/benchmarks, or
 * benchmarks/target/quick-results for a quick run
 * @param only the suites to run, empty for all
 * @param runs how many times each figure and its peer are measured (interleaved); the
 * figure is their median. JMH suites run this many forks
 * @param namespaces namespaces seeded for the eligibility load
 * @param rates offered request rates of the open-loop load, per second
 * @param batchSizes namespace ids per eligibility request
 * @param warmup warm-up of each target at each rate before its first run
 * @param duration measured time of each target in each run at each rate
 * @param catalogSizes rate plans of the generated catalogs synced
 * @param syncRuns syncs measured per catalog size (after one warm-up sync), each with its
 * peer; {@code runs} unless set
 * @param startupRuns starts measured per service jar (after one warm-up start), the jars
 * taking turns; {@code runs} unless set
 */
record Settings(boolean quick, Path repository, Path output, Set<String> only, int runs, int namespaces,
		List<Integer> rates, List<Integer> batchSizes, Duration warmup, Duration duration, List<Integer> catalogSizes,
		int syncRuns, int startupRuns) {

	static Settings fromSystemProperties() {
		boolean quick = Boolean.getBoolean("bench.quick");
		// a quick run measures twice, so that it proves the medians as well
		int runs = Integer.getInteger("bench.runs", quick ? 2 : 3);
		if (runs < 1) {
			throw new IllegalArgumentException("bench.runs must be at least 1, not " + runs);
		}
		Path repository = Path.of(System.getProperty("bench.repository", ".")).toAbsolutePath().normalize();
		return new Settings(quick, repository,
				// a proving run's figures are not for the docs
				Path.of(System.getProperty("bench.output",
						repository.resolve(quick ? "benchmarks/target/quick-results" : "docs/benchmarks").toString())),
				Set.copyOf(list(System.getProperty("bench.only", ""))), runs,
				Integer.getInteger("bench.namespaces", 1_000_000),
				ints(System.getProperty("bench.rates", "200,500,800")),
				ints(System.getProperty("bench.batches", "1,100,1000")),
				duration(System.getProperty("bench.warmup", quick ? "2s" : "10s")),
				duration(System.getProperty("bench.duration", quick ? "2s" : "20s")),
				ints(System.getProperty("bench.catalog-sizes", quick ? "1000,10000" : "1000,10000")),
				Integer.getInteger("bench.sync-runs", runs), Integer.getInteger("bench.startup-runs", runs));
	}

	boolean includes(Suite suite) {
		return this.only.isEmpty() || this.only.contains(suite.name());
	}

	private static List<String> list(String value) {
		return Arrays.stream(value.split(",")).map(String::trim).filter((item) -> !item.isEmpty()).toList();
	}

	private static List<Integer> ints(String value) {
		return list(value).stream().map(Integer::valueOf).toList();
	}

	private static Duration duration(String value) {
		return Duration.parse("PT" + value.toUpperCase());
	}

}

package io.cdottrials.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs every benchmark and writes {@code docs/benchmarks/results.json} and PNG charts
 * (docs/benchmarks.md). Each figure is measured side by side with its peer in the same
 * run: the eligibility endpoint against the same batches' SQL, the catalog sync against
 * reading the catalog alone, the GitLab client's lookup against a raw {@code MGET}; and
 * each is the median of {@code bench.runs} (3) runs in which the figure and its peer take
 * turns (see {@link Suite}).
 * <p>
 * System properties: {@code bench.runs} for another number of runs,
 * {@code bench.quick=true} for a short proving run,
 * {@code bench.only=eligibility,catalog,...} for some suites, {@code bench.output} for
 * another directory, and each suite's own (see {@link Settings}).
 */
public final class RunAll {

	/**
	 * Every suite, in the order they run. GitLab-side figures (client vs MGET vs
	 * {@code @Cacheable} vs the Rails strategy) belong in the {@code gitlab} suite: add
	 * the benchmark methods to {@link EligibilityLookupBenchmark} (or a new JMH class
	 * with a {@link JmhSuite} of its own here) and name each method's peer in its map.
	 */
	static final List<Suite> SUITES = List.of(new EligibilityLoad(), new CatalogSyncBenchmark(), new ServiceStartup(),
			new JmhSuite("gitlab", EligibilityLookupBenchmark.class, EligibilityLookupBenchmark.PEERS),
			new JmhSuite("classification", ClassificationLookupBenchmark.class,
					Map.of("inMemoryLookup", JmhPeer.of("containmentQueryOnRatePlans"))),
			new Scaling());

	private RunAll() {
	}

	public static void main(String[] args) throws Exception {
		System.setProperty("java.awt.headless", "true");
		Settings settings = Settings.fromSystemProperties();
		Results results = new Results(settings);
		for (Suite suite : SUITES) {
			if (!settings.includes(suite)) {
				continue;
			}
			System.out.println("== " + suite.name());
			try {
				suite.run(settings, results);
			}
			catch (Exception ex) {
				System.out.println("!! " + suite.name() + " failed: " + ex);
				ex.printStackTrace(System.out);
				results.failed(suite.name(), ex);
			}
		}
		Path written = results.write();
		System.out.println();
		System.out.println("== figures" + (settings.quick() ? " (quick proving run: not figures to quote)" : ""));
		results.figures().forEach((figure) -> System.out.println("  " + Results.describe(figure)));
		System.out.println("written: " + written + " and the charts beside it");
		if (!results.failures().isEmpty()) {
			System.out.println("failed suites: " + results.failures().keySet());
			System.exit(1);
		}
		// embedded servers and forked JMH runs leave non-daemon threads behind
		System.exit(0);
	}

}

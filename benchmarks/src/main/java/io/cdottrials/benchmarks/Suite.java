package io.cdottrials.benchmarks;

/**
 * One group of figures {@link RunAll} runs: it measures, then reports each figure with
 * its peer into {@link Results}. Adding a benchmark to the one command is adding a suite
 * to {@link RunAll#SUITES}.
 */
interface Suite {

	/**
	 * The suite's name, for {@code -Dbench.only=} and as its key in results.json.
	 * @return a short lower-case name
	 */
	String name();

	/**
	 * Measures and reports.
	 * @param settings durations, rates and sizes of this run
	 * @param results where the figures, details and charts go
	 * @throws Exception when a measurement cannot run; the other suites still run
	 */
	void run(Settings settings, Results results) throws Exception;

}

package io.cdottrials.benchmarks;

/**
 * One group of figures {@link RunAll} runs: it measures, then reports each figure with
 * its peer into {@link Results}. Adding a benchmark to the one command is adding a suite
 * to {@link RunAll#SUITES}.
 * <p>
 * Every figure is a median of runs: a suite measures each figure and its peer
 * {@link Settings#runs()} times, the two taking turns within each run (never all the
 * figure's runs, then all the peer's), and reports
 * {@code Figure.ofRuns(name, valueOfEachRun, unit).against(peer, peerValueOfEachRun)}:
 * the figure and its peer at their medians, the ratio of the medians, each run's value in
 * results.json. A JMH class gets this from {@link JmhSuite} (one fork per run).
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

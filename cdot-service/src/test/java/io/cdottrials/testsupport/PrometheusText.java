package io.cdottrials.testsupport;

import java.util.Arrays;

/**
 * Reads a value out of the Prometheus endpoint's text, so that a test can compare a
 * counter before and after what it does: other tests of the same context count too.
 */
public final class PrometheusText {

	private PrometheusText() {
	}

	/**
	 * The sum of a metric's samples whose labels include every given {@code name="value"}
	 * pair.
	 * @param scrape the endpoint's text
	 * @param metric the sample name, e.g. {@code cdot_catalog_sync_runs_total}
	 * @param labels pairs such as {@code outcome="succeeded"}
	 * @return the sum, 0 when no sample matches
	 */
	public static double sum(String scrape, String metric, String... labels) {
		return scrape.lines()
			.filter((line) -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
			.filter((line) -> Arrays.stream(labels).allMatch(line::contains))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}

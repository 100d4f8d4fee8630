package io.cdottrials.benchmarks;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One figure of results.json, measured side by side with its peer in the same run. A
 * figure measured in several runs ({@code bench.runs}, JMH forks) is the median of its
 * runs, its peer's the median of the peer's runs (measured interleaved with it), and the
 * ratio is median / median; each run's value is kept beside it.
 *
 * @param name what was measured, e.g. {@code eligibility 100 ids @ 500 req/s p99}
 * @param value the figure: the median of its runs when there are several
 * @param unit its unit
 * @param peer what it is compared with, none when nothing compares
 * @param peerValue the peer's figure, in the same unit
 * @param ratio value / peerValue
 * @param goal the goal, as the issue states it
 * @param met whether the goal is met, none without a goal
 * @param runs the value of each run, in the order measured; none for a single value
 * @param peerRuns the peer's value of each run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Figure(String name, double value, String unit, @Nullable String peer,
		@JsonProperty("peer_value") @Nullable Double peerValue, @Nullable Double ratio, @Nullable String goal,
		@Nullable Boolean met, @Nullable List<Double> runs,
		@JsonProperty("peer_runs") @Nullable List<Double> peerRuns) {

	static Figure of(String name, double value, String unit) {
		return new Figure(name, value, unit, null, null, null, null, null, null, null);
	}

	/**
	 * A figure measured in several runs.
	 * @param name what was measured
	 * @param runs each run's value
	 * @param unit their unit
	 * @return the figure, valued at the median of the runs
	 */
	static Figure ofRuns(String name, double[] runs, String unit) {
		return new Figure(name, median(runs), unit, null, null, null, null, null, list(runs), null);
	}

	Figure against(String peer, double peerValue) {
		return new Figure(this.name, this.value, this.unit, peer, peerValue,
				(peerValue > 0) ? this.value / peerValue : null, this.goal, this.met, this.runs, null);
	}

	/**
	 * Names the peer measured in the same runs.
	 * @param peer what it is compared with
	 * @param peerRuns the peer's value in each run
	 * @return the figure with its peer at the median of its runs
	 */
	Figure against(String peer, double[] peerRuns) {
		Figure figure = against(peer, median(peerRuns));
		return new Figure(figure.name, figure.value, figure.unit, figure.peer, figure.peerValue, figure.ratio,
				figure.goal, figure.met, figure.runs, list(peerRuns));
	}

	/**
	 * States the goal on the figure itself.
	 * @param goal e.g. {@code < 10 ms}
	 * @param met whether this figure meets it
	 * @return the figure with its goal
	 */
	Figure goal(String goal, boolean met) {
		return new Figure(this.name, this.value, this.unit, this.peer, this.peerValue, this.ratio, goal, met, this.runs,
				this.peerRuns);
	}

	/**
	 * The median: the middle value of an odd count, the mean of the two middle ones of an
	 * even count.
	 * @param values at least one value
	 * @return their median
	 */
	static double median(double[] values) {
		if (values.length == 0) {
			throw new IllegalArgumentException("No values to take the median of");
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static List<Double> list(double[] values) {
		return Arrays.stream(values).boxed().toList();
	}

}

package io.cdottrials.benchmarks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One figure of results.json, measured side by side with its peer in the same run.
 *
 * @param name what was measured, e.g. {@code eligibility 100 ids @ 500 req/s p99}
 * @param value the figure
 * @param unit its unit
 * @param peer what it is compared with, none when nothing compares
 * @param peerValue the peer's figure, in the same unit
 * @param ratio value / peerValue
 * @param goal the goal, as the issue states it
 * @param met whether the goal is met, none without a goal
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Figure(String name, double value, String unit, @Nullable String peer,
		@JsonProperty("peer_value") @Nullable Double peerValue, @Nullable Double ratio, @Nullable String goal,
		@Nullable Boolean met) {

	static Figure of(String name, double value, String unit) {
		return new Figure(name, value, unit, null, null, null, null, null);
	}

	Figure against(String peer, double peerValue) {
		return new Figure(this.name, this.value, this.unit, peer, peerValue,
				(peerValue > 0) ? this.value / peerValue : null, this.goal, this.met);
	}

	/**
	 * States the goal on the figure itself.
	 * @param goal e.g. {@code < 10 ms}
	 * @param met whether this figure meets it
	 * @return the figure with its goal
	 */
	Figure goal(String goal, boolean met) {
		return new Figure(this.name, this.value, this.unit, this.peer, this.peerValue, this.ratio, goal, met);
	}

}

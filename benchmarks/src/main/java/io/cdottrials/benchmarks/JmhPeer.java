package io.cdottrials.benchmarks;

import java.util.function.DoublePredicate;

import org.jspecify.annotations.Nullable;

/**
 * The peer of a JMH benchmark method and, when the issue states one, the goal of the
 * ratio method / peer.
 *
 * @param method the peer's benchmark method
 * @param goal the goal as the issue states it, e.g. {@code <= 1.3}; {@code null} for none
 * @param met whether a ratio meets the goal
 */
record JmhPeer(String method, @Nullable String goal, DoublePredicate met) {

	static JmhPeer of(String method) {
		return new JmhPeer(method, null, (ratio) -> true);
	}

	static JmhPeer of(String method, String goal, DoublePredicate met) {
		return new JmhPeer(method, goal, met);
	}

}

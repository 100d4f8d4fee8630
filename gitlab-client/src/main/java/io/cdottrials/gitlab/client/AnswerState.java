package io.cdottrials.gitlab.client;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How much a namespace's answer can be trusted.
 */
public enum AnswerState {

	/** CDot's answer, from the cache within its TTL or just fetched. */
	FRESH("fresh"),

	/** An expired answer, served because CDot could not be asked. */
	STALE("stale"),

	/** Nothing to serve and CDot could not be asked: reported eligible for nothing. */
	DEGRADED("degraded");

	private final String wireName;

	AnswerState(String wireName) {
		this.wireName = wireName;
	}

	@JsonValue
	public String wireName() {
		return this.wireName;
	}

	@Override
	public String toString() {
		return this.wireName;
	}

}

package io.cdottrials.cdot.catalog.internal.source.record;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Canonical JSON values of catalog fields, so that a value read from Zuora and the same
 * value read back from PostgreSQL compare equal ({@code 290.000} and {@code 290} are one
 * price).
 */
public final class Values {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private Values() {
	}

	public static JsonNode of(@Nullable String value) {
		return (value != null) ? nodes.stringNode(value) : nodes.nullNode();
	}

	public static JsonNode of(@Nullable LocalDate value) {
		return (value != null) ? nodes.stringNode(value.toString()) : nodes.nullNode();
	}

	public static JsonNode of(@Nullable BigDecimal value) {
		return (value != null) ? nodes.numberNode(canonical(value)) : nodes.nullNode();
	}

	public static BigDecimal canonical(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

}

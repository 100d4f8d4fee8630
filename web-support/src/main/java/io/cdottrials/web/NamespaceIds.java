package io.cdottrials.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.cdottrials.model.EligibilityRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads and checks the namespace ids of an eligibility request, from a query string
 * ({@code namespace_ids=1,2}, repeated, or {@code namespace_ids[]=}) or a JSON list, and
 * rejects anything that is not 1 to 1000 positive integers with a 400 that says what was
 * wrong. Duplicates are answered once and count once. How a bad value is worded is each
 * service's own ({@link Wording}): clients of each already match on it.
 */
public final class NamespaceIds {

	public static final String PARAMETER = "namespace_ids";

	private static final int MAX = EligibilityRequest.MAX_NAMESPACE_IDS;

	/** Past this many values the rest is not read: the answer is a 400 anyway. */
	private static final int READ_AT_MOST = MAX * 10;

	private final Wording wording;

	public NamespaceIds(Wording wording) {
		this.wording = wording;
	}

	/**
	 * Reads query parameter values, each a single id or a comma-separated list.
	 * @param values the raw parameter values
	 * @return distinct ids in the order given
	 */
	public Set<Long> fromQuery(List<String> values) {
		List<Object> tokens = new ArrayList<>();
		for (String value : values) {
			for (String token : value.split(",", -1)) {
				tokens.add(token.trim());
			}
		}
		return fromValues(tokens);
	}

	/**
	 * Reads {@code {"namespace_ids": [1, 2]}}.
	 * @param body the parsed body
	 * @return distinct ids in the order given
	 */
	public Set<Long> fromJson(JsonNode body) {
		if (!body.isObject()) {
			throw ApiException.badRequest("the body must be a JSON object with " + PARAMETER);
		}
		JsonNode array = body.get(PARAMETER);
		if (array == null || array.isNull()) {
			throw ApiException.badRequest(required());
		}
		if (!array.isArray()) {
			throw ApiException.badRequest(PARAMETER + " must be an array of positive integers");
		}
		List<Object> values = new ArrayList<>();
		array.forEach(values::add);
		return fromValues(values);
	}

	/**
	 * Reads a list of values: strings (query tokens), numbers, or JSON nodes.
	 * @param values the values, {@code null} when absent
	 * @return distinct ids in the order given
	 */
	public Set<Long> fromValues(@Nullable List<? extends @Nullable Object> values) {
		Set<Long> ids = new LinkedHashSet<>();
		int read = 0;
		for (Object value : (values != null) ? values : List.of()) {
			if (++read > READ_AT_MOST) {
				break;
			}
			ids.add(id(value));
		}
		if (ids.isEmpty()) {
			throw ApiException.badRequest(required());
		}
		if (ids.size() > MAX) {
			throw ApiException.badRequest(PARAMETER + " may list at most " + MAX + " namespaces, not "
					+ ((read > READ_AT_MOST) ? "more than " + READ_AT_MOST : ids.size()));
		}
		return ids;
	}

	private static String required() {
		return PARAMETER + " is required: give at least one id, e.g. namespace_ids=1,2";
	}

	private long id(@Nullable Object value) {
		if (value == null || (value instanceof JsonNode node && node.isNull())) {
			throw ApiException.badRequest(this.wording.nullValue());
		}
		if (value instanceof String token && token.isEmpty()) {
			throw ApiException.badRequest(this.wording.emptyValue());
		}
		long id;
		try {
			id = integer(value);
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest(this.wording.notAnInteger(shown(value)));
		}
		if (id <= 0) {
			throw ApiException.badRequest(this.wording.notPositive(shown(value)));
		}
		return id;
	}

	private static long integer(Object value) {
		if (value instanceof JsonNode node) {
			if (!node.isIntegralNumber() || !node.canConvertToLong()) {
				throw new NumberFormatException();
			}
			return node.asLong();
		}
		if (value instanceof Number number) {
			return number.longValue();
		}
		return Long.parseLong(value.toString());
	}

	/** JSON values are shown as JSON ({@code "a"}, {@code 1.5}); others in quotes. */
	private static String shown(Object value) {
		String text = (value instanceof JsonNode) ? value.toString() : "'" + value + "'";
		return (text.length() > 42) ? text.substring(0, 40) + "..." : text;
	}

	/**
	 * How a service words a bad value; the value is given as shown to the client.
	 */
	public interface Wording {

		String emptyValue();

		String nullValue();

		String notAnInteger(String value);

		String notPositive(String value);

	}

}

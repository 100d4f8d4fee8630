package io.cdottrials.gitlab.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.cdottrials.model.EligibilityRequest;
import tools.jackson.databind.JsonNode;

/**
 * Reads the namespace ids of an eligibility request, from a query string or a JSON body,
 * and rejects anything that is not a list of 1 to 1000 positive integers with a message
 * that says what was wrong. Duplicates are answered once and count once.
 */
final class NamespaceIds {

	static final String PARAMETER = "namespace_ids";

	private NamespaceIds() {
	}

	/**
	 * Reads {@code namespace_ids=1,2}, repeated {@code namespace_ids=} and
	 * {@code namespace_ids[]=} values.
	 * @param values the raw parameter values
	 * @return distinct ids in the order given
	 */
	static List<Long> fromQuery(List<String> values) {
		List<Long> ids = new ArrayList<>();
		for (String value : values) {
			for (String token : value.split(",", -1)) {
				ids.add(parse(token.trim()));
			}
		}
		return checked(ids);
	}

	/**
	 * Reads {@code {"namespace_ids": [1, 2]}}.
	 * @param body the parsed body
	 * @return distinct ids in the order given
	 */
	static List<Long> fromJson(JsonNode body) {
		if (!body.isObject()) {
			throw ApiException.badRequest("the body must be a JSON object with " + PARAMETER);
		}
		JsonNode array = body.get(PARAMETER);
		if (array == null || array.isNull()) {
			throw ApiException.badRequest(PARAMETER + " is required");
		}
		if (!array.isArray()) {
			throw ApiException.badRequest(PARAMETER + " must be an array of positive integers");
		}
		List<Long> ids = new ArrayList<>();
		for (JsonNode element : array) {
			if (!element.isIntegralNumber() || !element.canConvertToLong() || element.asLong() <= 0) {
				throw ApiException.badRequest(PARAMETER + " must contain positive integers only, not " + element);
			}
			ids.add(element.asLong());
			if (ids.size() > EligibilityRequest.MAX_NAMESPACE_IDS * 10) {
				break;
			}
		}
		return checked(ids);
	}

	private static long parse(String token) {
		if (token.isEmpty()) {
			throw ApiException.badRequest(PARAMETER + " must not contain empty values");
		}
		try {
			long id = Long.parseLong(token);
			if (id > 0) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw ApiException
			.badRequest(PARAMETER + " must contain positive integers only, not '" + abbreviate(token) + "'");
	}

	private static List<Long> checked(List<Long> ids) {
		Set<Long> distinct = new LinkedHashSet<>(ids);
		if (distinct.isEmpty()) {
			throw ApiException.badRequest(PARAMETER + " is required");
		}
		if (distinct.size() > EligibilityRequest.MAX_NAMESPACE_IDS) {
			throw ApiException.badRequest(PARAMETER + " may list at most " + EligibilityRequest.MAX_NAMESPACE_IDS
					+ " namespaces, not " + ((ids.size() > EligibilityRequest.MAX_NAMESPACE_IDS * 10)
							? "more than " + EligibilityRequest.MAX_NAMESPACE_IDS * 10 : distinct.size()));
		}
		return List.copyOf(distinct);
	}

	private static String abbreviate(String token) {
		return (token.length() <= 32) ? token : token.substring(0, 32) + "...";
	}

}

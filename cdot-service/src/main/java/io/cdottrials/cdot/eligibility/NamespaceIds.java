package io.cdottrials.cdot.eligibility;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.cdottrials.cdot.platform.ApiException;
import io.cdottrials.model.EligibilityRequest;
import org.jspecify.annotations.Nullable;

/**
 * Reads and checks the namespace ids of an eligibility request, whichever way they came:
 * {@code namespace_ids[]=1&namespace_ids[]=2}, {@code namespace_ids=1,2}, repeated
 * {@code namespace_ids=}, or a JSON list.
 */
final class NamespaceIds {

	private NamespaceIds() {
	}

	static Set<Long> fromQuery(@Nullable String[] bracketed, @Nullable String[] plain) {
		List<String> tokens = new ArrayList<>();
		for (String[] values : new String[][] { bracketed, plain }) {
			if (values == null) {
				continue;
			}
			for (String value : values) {
				for (String token : value.split(",", -1)) {
					tokens.add(token.trim());
				}
			}
		}
		Set<Long> ids = new LinkedHashSet<>();
		for (String token : tokens) {
			ids.add(parse(token));
			checkSize(ids);
		}
		return checked(ids);
	}

	static Set<Long> fromBody(@Nullable EligibilityRequest request) {
		if (request == null || request.namespaceIds() == null) {
			throw ApiException.badRequest("namespace_ids is required: a JSON list of namespace ids");
		}
		Set<Long> ids = new LinkedHashSet<>();
		for (Long id : request.namespaceIds()) {
			if (id == null) {
				throw ApiException.badRequest("namespace_ids must not contain null");
			}
			ids.add(positive(id, id.toString()));
			checkSize(ids);
		}
		return checked(ids);
	}

	private static Set<Long> checked(Collection<Long> ids) {
		if (ids.isEmpty()) {
			throw ApiException.badRequest("namespace_ids is required: give at least one id, e.g. namespace_ids=1,2");
		}
		return new LinkedHashSet<>(ids);
	}

	private static void checkSize(Set<Long> ids) {
		if (ids.size() > EligibilityRequest.MAX_NAMESPACE_IDS) {
			throw ApiException
				.badRequest("namespace_ids may name at most " + EligibilityRequest.MAX_NAMESPACE_IDS + " namespaces");
		}
	}

	private static long parse(String token) {
		if (token.isEmpty()) {
			throw ApiException.badRequest("namespace_ids contains an empty value");
		}
		try {
			return positive(Long.parseLong(token), token);
		}
		catch (NumberFormatException ex) {
			throw ApiException.badRequest("namespace_ids value '" + abbreviate(token) + "' is not an integer");
		}
	}

	private static long positive(long id, String given) {
		if (id <= 0) {
			throw ApiException.badRequest("namespace_ids value '" + given + "' is not a positive integer");
		}
		return id;
	}

	private static String abbreviate(String token) {
		return (token.length() > 40) ? token.substring(0, 40) + "..." : token;
	}

}

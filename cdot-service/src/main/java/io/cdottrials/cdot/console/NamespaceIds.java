package io.cdottrials.cdot.console;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A namespace id typed by a person: digits only, positive, within a {@code long}.
 */
final class NamespaceIds {

	private NamespaceIds() {
	}

	static Optional<Long> parse(@Nullable String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String trimmed = typed.trim();
		if (trimmed.isEmpty() || trimmed.length() > 18 || !trimmed.chars().allMatch(Character::isDigit)) {
			return Optional.empty();
		}
		long id = Long.parseLong(trimmed);
		return (id > 0) ? Optional.of(id) : Optional.empty();
	}

}

package io.cdottrials.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The trial types CustomersDot offers, with their JSON names and families. Two types of
 * one family are alternatives: a namespace gets at most one trial per family, ever.
 */
public enum TrialType {

	ULTIMATE_WITH_GITLAB_DUO_ENTERPRISE("ultimate_with_gitlab_duo_enterprise", TrialFamily.ULTIMATE_FREE),

	ULTIMATE_ON_PREMIUM_WITH_GITLAB_DUO_ENTERPRISE("ultimate_on_premium_with_gitlab_duo_enterprise",
			TrialFamily.ULTIMATE_PREMIUM),

	ULTIMATE_WITH_DAP("ultimate_with_dap", TrialFamily.ULTIMATE_FREE),

	ULTIMATE_ON_PREMIUM_WITH_DAP("ultimate_on_premium_with_dap", TrialFamily.ULTIMATE_PREMIUM),

	GITLAB_DUO_PRO("gitlab_duo_pro", TrialFamily.DUO_PRO),

	GITLAB_DUO_ENTERPRISE("gitlab_duo_enterprise", TrialFamily.DUO_ENTERPRISE);

	private final String wireName;

	private final TrialFamily family;

	TrialType(String wireName, TrialFamily family) {
		this.wireName = wireName;
		this.family = family;
	}

	/**
	 * The name of this type on the wire, e.g. {@code ultimate_with_dap}.
	 * @return the JSON name
	 */
	@JsonValue
	public String wireName() {
		return this.wireName;
	}

	public TrialFamily family() {
		return this.family;
	}

	/**
	 * Finds a trial type by its JSON name.
	 * @param wireName the JSON name, e.g. {@code gitlab_duo_pro}
	 * @return the type, or empty when no type has that name
	 */
	public static Optional<TrialType> fromWireName(String wireName) {
		String name = wireName.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter((type) -> type.wireName.equals(name)).findFirst();
	}

	@Override
	public String toString() {
		return this.wireName;
	}

}

package io.cdottrials.model;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Trial types that stand for the same offer. A namespace trials each family at most once.
 */
public enum TrialFamily {

	ULTIMATE_FREE("ultimate_free", true),

	ULTIMATE_PREMIUM("ultimate_premium", true),

	DUO_PRO("duo_pro", false),

	DUO_ENTERPRISE("duo_enterprise", false);

	private final String wireName;

	private final boolean ultimate;

	TrialFamily(String wireName, boolean ultimate) {
		this.wireName = wireName;
		this.ultimate = ultimate;
	}

	@JsonValue
	public String wireName() {
		return this.wireName;
	}

	/**
	 * Whether this family grants the Ultimate tier for its duration.
	 * @return {@code true} for the two ultimate families
	 */
	public boolean ultimate() {
		return this.ultimate;
	}

	@Override
	public String toString() {
		return this.wireName;
	}

}

package io.cdottrials.cdot.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * Feature tier of a charge ({@code ChargeTier__c}).
 */
public enum Tier {

	ULTIMATE("Ultimate"), PREMIUM("Premium"), BRONZE("Bronze"), SILVER("Silver"), GOLD("Gold"), LEGACY("Legacy"),
	STARTER("Starter"), FREE("Free"), NOT_APPLICABLE("Not Applicable");

	private final String zuoraValue;

	Tier(String zuoraValue) {
		this.zuoraValue = zuoraValue;
	}

	public String zuoraValue() {
		return this.zuoraValue;
	}

	/**
	 * The tier a paid plan of this tier counts as today: Silver counts as Premium, Gold
	 * as Ultimate.
	 * @return the tier GitLab grants for this one
	 */
	public Tier effective() {
		return switch (this) {
			case SILVER -> PREMIUM;
			case GOLD -> ULTIMATE;
			default -> this;
		};
	}

	public static Optional<Tier> fromZuoraValue(String value) {
		return Arrays.stream(values()).filter((tier) -> tier.zuoraValue.equalsIgnoreCase(value.trim())).findFirst();
	}

}

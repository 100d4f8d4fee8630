package io.cdottrials.cdot.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a charge provides ({@code CDotPlanType__c}). A rate plan whose charges include
 * {@link #BASE_PRODUCT} is a base plan; one whose charges provide something else is an
 * add-on.
 */
public enum PlanType {

	CI_MINUTES, STORAGE, DUO_PRO, DUO_ENTERPRISE, DUO_AMAZON_Q, AGILE_PLANNING, PRODUCT_ANALYTICS,
	PROFESSIONAL_SERVICES, ECOSYSTEM, BASE_PRODUCT, NOT_APPLICABLE;

	public String zuoraValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<PlanType> fromZuoraValue(String value) {
		return Arrays.stream(values()).filter((type) -> type.zuoraValue().equalsIgnoreCase(value.trim())).findFirst();
	}

}

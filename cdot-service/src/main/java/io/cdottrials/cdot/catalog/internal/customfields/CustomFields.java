package io.cdottrials.cdot.catalog.internal.customfields;

import java.util.List;
import java.util.Optional;

import io.cdottrials.cdot.catalog.internal.customfields.CustomField.Level;

/**
 * The registry of typed Zuora custom fields (SPEC section 2). Adding a field is adding
 * one line here. Fields not declared here are kept in {@code custom_fields} as Zuora sent
 * them.
 */
public final class CustomFields {

	public static final CustomField ACCESSIBLE = CustomField.booleanField("CDotAccessible__c", Level.RATE_PLAN);

	public static final CustomField ACTIONS = CustomField.multiselectField("CDotActions__c", Level.RATE_PLAN,
			"initial_purchase", "additional_purchase", "renew");

	public static final CustomField PLAN_STATUS = CustomField.enumField("CDotPlanStatus__c", Level.RATE_PLAN, "active",
			"deprecated", "legacy", "not_applicable");

	public static final CustomField IS_TRUE_UP = CustomField.booleanField("CDotIsTrueUp__c", Level.RATE_PLAN);

	public static final CustomField IS_US_PUB_SEC = CustomField.booleanField("CDotIsUsPubSec__c", Level.RATE_PLAN);

	public static final CustomField COMMUNITY_TYPE = CustomField.enumField("CDotCommunityType__c", Level.RATE_PLAN,
			"education", "open_source", "startup", "not_applicable");

	public static final CustomField PLAN_TYPE = CustomField.enumField("CDotPlanType__c", Level.CHARGE, "ci_minutes",
			"storage", "duo_pro", "duo_enterprise", "duo_amazon_q", "agile_planning", "product_analytics",
			"professional_services", "ecosystem", "base_product", "not_applicable");

	public static final CustomField CHARGE_TIER = CustomField.enumField("ChargeTier__c", Level.CHARGE, "Ultimate",
			"Premium", "Bronze", "Silver", "Gold", "Legacy", "Starter", "Free", "Not Applicable");

	public static final CustomField CHARGE_DEPLOYMENT = CustomField.enumField("ChargeDeployment__c", Level.CHARGE,
			"Self-Managed", "Dedicated", "GitLab.com", "Not Applicable");

	private static final List<CustomField> ALL = List.of(ACCESSIBLE, ACTIONS, PLAN_STATUS, IS_TRUE_UP, IS_US_PUB_SEC,
			COMMUNITY_TYPE, PLAN_TYPE, CHARGE_TIER, CHARGE_DEPLOYMENT);

	private CustomFields() {
	}

	/**
	 * Every declared field.
	 * @return the fields, rate-plan level first
	 */
	public static List<CustomField> all() {
		return ALL;
	}

	/**
	 * The declared fields of one level.
	 * @param level rate plan or charge
	 * @return the fields declared at that level
	 */
	public static List<CustomField> at(Level level) {
		return ALL.stream().filter((field) -> field.level() == level).toList();
	}

	/**
	 * Finds a declared field by its Zuora name.
	 * @param level where the field was found
	 * @param zuoraName e.g. {@code ChargeTier__c}
	 * @return the field, or empty for a field kept as it came
	 */
	public static Optional<CustomField> find(Level level, String zuoraName) {
		return ALL.stream()
			.filter((field) -> field.level() == level && field.zuoraName().equals(zuoraName))
			.findFirst();
	}

}

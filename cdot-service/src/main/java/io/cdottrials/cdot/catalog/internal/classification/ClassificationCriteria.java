package io.cdottrials.cdot.catalog.internal.classification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cdottrials.cdot.catalog.internal.customfields.CustomField.Level;
import io.cdottrials.cdot.catalog.internal.customfields.CustomField;

/**
 * What a rate plan's custom fields must contain to be in a classification: one JSONB
 * containment on the rate plan's {@code custom_fields}, and any number of containments
 * each of which some current charge of the plan must satisfy. Every classification also
 * leaves out removed plans and plans with {@code CDotAccessible__c} false.
 *
 * @param ratePlanContains what the rate plan's custom fields must contain (empty: no
 * condition)
 * @param chargeContains one entry per condition a charge of the plan must meet
 */
public record ClassificationCriteria(Map<String, Object> ratePlanContains, List<Map<String, Object>> chargeContains) {

	public ClassificationCriteria {
		ratePlanContains = Map.copyOf(ratePlanContains);
		chargeContains = List.copyOf(chargeContains);
	}

	/**
	 * The rate plan's field holds the value (a multiselect: contains it).
	 * @param field a rate plan field of the registry
	 * @param value a value of its type
	 * @return the criteria
	 */
	public static ClassificationCriteria ratePlan(CustomField field, Object value) {
		return new ClassificationCriteria(Map.of(field.zuoraName(), containmentValue(field, Level.RATE_PLAN, value)),
				List.of());
	}

	/**
	 * Some current charge of the plan holds the value.
	 * @param field a charge field of the registry
	 * @param value a value of its type
	 * @return the criteria
	 */
	public static ClassificationCriteria charge(CustomField field, Object value) {
		return new ClassificationCriteria(Map.of(),
				List.of(Map.of(field.zuoraName(), containmentValue(field, Level.CHARGE, value))));
	}

	/**
	 * Both conditions at once.
	 * @param other more conditions
	 * @return criteria that need both
	 */
	public ClassificationCriteria and(ClassificationCriteria other) {
		Map<String, Object> ratePlan = new LinkedHashMap<>(this.ratePlanContains);
		ratePlan.putAll(other.ratePlanContains);
		List<Map<String, Object>> charges = new ArrayList<>(this.chargeContains);
		charges.addAll(other.chargeContains);
		return new ClassificationCriteria(ratePlan, charges);
	}

	private static Object containmentValue(CustomField field, Level level, Object value) {
		if (field.level() != level) {
			throw new IllegalArgumentException(field.zuoraName() + " is a " + field.level() + " field");
		}
		// read as the sync stores it: a multiselect value becomes a one-element array,
		// and array containment means "among the selected values"
		return field.read(value).orElseThrow(() -> new IllegalArgumentException("No value for " + field.zuoraName()));
	}

}

package io.cdottrials.cdot.catalog.internal.backfill;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.cdottrials.cdot.catalog.internal.customfields.CustomField;
import io.cdottrials.cdot.catalog.internal.customfields.CustomFields;
import org.jspecify.annotations.Nullable;

/**
 * Works out which rate plan custom fields must change in Zuora so that the custom fields
 * classify each plan as the legacy constants do (step 2 of the design's iteration). Only
 * rate plan fields are written: the charge fields ({@code ChargeTier__c},
 * {@code ChargeDeployment__c}, {@code CDotPlanType__c}) are maintained in Zuora already,
 * so a charge-level disagreement stays in the reconciliation report for a person to
 * judge. A plan whose fields already agree is left alone; a value outside its field's
 * type is left for the sync's validation findings.
 */
public final class BackfillPlanner {

	private static final List<String> ACTION_ORDER = List.of("initial_purchase", "additional_purchase", "renew");

	private static final Map<String, String> COMMUNITY_BY_CLASSIFICATION = orderedMap("education_plans", "education",
			"open_source_plans", "open_source", "startup_plans", "startup");

	private static final Map<String, String> STATUS_BY_CLASSIFICATION = orderedMap("active_plans", "active",
			"deprecated_plans", "deprecated", "legacy_plans", "legacy");

	private BackfillPlanner() {
	}

	/**
	 * Plans the writes.
	 * @param ratePlans the current rate plans, in a stable order
	 * @param legacy the constants' rate plan ids by classification name
	 * @return one update per rate plan whose fields disagree with the constants
	 */
	public static List<RatePlanUpdate> plan(List<CurrentRatePlan> ratePlans, Map<String, Set<String>> legacy) {
		List<RatePlanUpdate> updates = new ArrayList<>();
		for (CurrentRatePlan ratePlan : ratePlans) {
			Map<String, Object> fields = new LinkedHashMap<>();
			String id = ratePlan.zuoraId();
			actions(ratePlan, legacy).ifPresent((value) -> fields.put(CustomFields.ACTIONS.zuoraName(), value));
			putIfDifferent(fields, CustomFields.PLAN_STATUS,
					enumValue(ratePlan, CustomFields.PLAN_STATUS, STATUS_BY_CLASSIFICATION),
					chosen(id, legacy, STATUS_BY_CLASSIFICATION));
			booleanValue(ratePlan, CustomFields.IS_TRUE_UP, member(legacy, "true_up_plans", id), fields);
			booleanValue(ratePlan, CustomFields.IS_US_PUB_SEC, member(legacy, "us_pub_sec_plans", id), fields);
			putIfDifferent(fields, CustomFields.COMMUNITY_TYPE,
					enumValue(ratePlan, CustomFields.COMMUNITY_TYPE, COMMUNITY_BY_CLASSIFICATION),
					chosen(id, legacy, COMMUNITY_BY_CLASSIFICATION));
			if (!fields.isEmpty()) {
				updates.add(new RatePlanUpdate(id, fields));
			}
		}
		return updates;
	}

	private static Optional<String> actions(CurrentRatePlan ratePlan, Map<String, Set<String>> legacy) {
		Object stored = ratePlan.customFields().get(CustomFields.ACTIONS.zuoraName());
		if (stored != null && !(stored instanceof List<?>)) {
			return Optional.empty();
		}
		Set<String> current = new LinkedHashSet<>();
		if (stored instanceof List<?> values) {
			values.forEach((value) -> current.add(String.valueOf(value)));
		}
		String id = ratePlan.zuoraId();
		Set<String> wanted = new LinkedHashSet<>(current);
		toggle(wanted, "renew", member(legacy, "renewable_plans", id));
		toggle(wanted, "additional_purchase", member(legacy, "additional_purchase_plans", id));
		if (member(legacy, "self_service_gitlab_com_plans", id)) {
			wanted.add("initial_purchase");
		}
		else if (ratePlan.gitlabCom()) {
			// initial_purchase on a Self-Managed plan says nothing about GitLab.com
			wanted.remove("initial_purchase");
		}
		if (wanted.equals(current)) {
			return Optional.empty();
		}
		return Optional.of(String.join(";", ACTION_ORDER.stream().filter(wanted::contains).toList()));
	}

	private static void toggle(Set<String> actions, String action, boolean wanted) {
		if (wanted) {
			actions.add(action);
		}
		else {
			actions.remove(action);
		}
	}

	private static void booleanValue(CurrentRatePlan ratePlan, CustomField field, boolean wanted,
			Map<String, Object> fields) {
		Object stored = ratePlan.customFields().get(field.zuoraName());
		if (stored != null && !(stored instanceof Boolean)) {
			return;
		}
		if (Boolean.TRUE.equals(stored) != wanted) {
			fields.put(field.zuoraName(), wanted);
		}
	}

	/** The stored value when it is one the classifications read, else {@code null}. */
	private static @Nullable String enumValue(CurrentRatePlan ratePlan, CustomField field,
			Map<String, String> valuesByClassification) {
		Object stored = ratePlan.customFields().get(field.zuoraName());
		return (stored instanceof String value && valuesByClassification.containsValue(value)) ? value : null;
	}

	private static @Nullable String chosen(String id, Map<String, Set<String>> legacy,
			Map<String, String> valuesByClassification) {
		return valuesByClassification.entrySet()
			.stream()
			.filter((entry) -> member(legacy, entry.getKey(), id))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	private static void putIfDifferent(Map<String, Object> fields, CustomField field, @Nullable String current,
			@Nullable String wanted) {
		if (!Objects.equals(current, wanted)) {
			fields.put(field.zuoraName(), (wanted != null) ? wanted : "not_applicable");
		}
	}

	private static boolean member(Map<String, Set<String>> legacy, String classification, String id) {
		return legacy.getOrDefault(classification, Set.of()).contains(id);
	}

	private static Map<String, String> orderedMap(String... keysAndValues) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	/**
	 * A current rate plan as the backfill sees it.
	 *
	 * @param zuoraId Zuora id of the product rate plan
	 * @param customFields its stored custom fields
	 * @param gitlabCom whether a current charge of it is deployed on GitLab.com
	 */
	public record CurrentRatePlan(String zuoraId, Map<String, Object> customFields, boolean gitlabCom) {
	}

	/**
	 * The custom field values to write to one rate plan.
	 *
	 * @param ratePlanId Zuora id of the product rate plan
	 * @param fields Zuora field names and the values to write
	 */
	public record RatePlanUpdate(String ratePlanId, Map<String, Object> fields) {

		public RatePlanUpdate {
			fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		}

	}

}

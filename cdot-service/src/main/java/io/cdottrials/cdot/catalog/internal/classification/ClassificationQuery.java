package io.cdottrials.cdot.catalog.internal.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL that resolves one classification: JSONB containment ({@code @>}) on
 * {@code custom_fields}, which the GIN {@code jsonb_path_ops} indexes serve, leaving out
 * removed plans and plans with {@code CDotAccessible__c} false.
 *
 * @param sql the statement, answering the Zuora ids of the rate plans in the set
 * @param parameters its parameters, each a JSON document
 */
public record ClassificationQuery(String sql, List<Object> parameters) {

	private static final String SELECT = """
			select rp.zuora_id from catalog_rate_plan rp
			where rp.removed_in_version is null
			  and not (rp.custom_fields @> '{"CDotAccessible__c": false}'::jsonb)""";

	private static final String RATE_PLAN_CONTAINS = """

			and rp.custom_fields @> ?::jsonb""";

	private static final String CHARGE_CONTAINS = """

			and exists (select 1 from catalog_charge c
			            where c.rate_plan_id = rp.id and c.removed_in_version is null
			              and c.custom_fields @> ?::jsonb)""";

	public ClassificationQuery {
		parameters = List.copyOf(parameters);
	}

	/**
	 * Builds the query of a classification.
	 * @param criteria what the plans must contain
	 * @param jsonMapper writes the containment documents
	 * @return the query
	 */
	public static ClassificationQuery of(ClassificationCriteria criteria, JsonMapper jsonMapper) {
		StringBuilder sql = new StringBuilder(SELECT);
		List<Object> parameters = new ArrayList<>();
		if (!criteria.ratePlanContains().isEmpty()) {
			sql.append(RATE_PLAN_CONTAINS);
			parameters.add(jsonMapper.writeValueAsString(criteria.ratePlanContains()));
		}
		for (Map<String, Object> charge : criteria.chargeContains()) {
			sql.append(CHARGE_CONTAINS);
			parameters.add(jsonMapper.writeValueAsString(charge));
		}
		sql.append("\norder by rp.zuora_id");
		return new ClassificationQuery(sql.toString(), parameters);
	}

}

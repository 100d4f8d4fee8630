package io.cdottrials.cdot.catalog.internal.source.record;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A product, rate plan or charge as the sync compares it: by Zuora id, field by field.
 */
public sealed interface CatalogRecord permits ProductRecord, RatePlanRecord, ChargeRecord {

	String zuoraId();

	String name();

	/**
	 * Every field a change of which makes a new catalog version, custom fields under
	 * their Zuora names, in a stable order.
	 * @return field name to value ({@code NullNode} for an absent value)
	 */
	Map<String, JsonNode> comparableFields();

}

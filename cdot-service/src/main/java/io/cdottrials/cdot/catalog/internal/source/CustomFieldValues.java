package io.cdottrials.cdot.catalog.internal.source;

import java.util.List;

import io.cdottrials.cdot.catalog.internal.customfields.CustomField;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Converts custom field values between Zuora's JSON and what
 * {@link io.cdottrials.cdot.catalog.internal.customfields.CustomField#read(Object)} reads
 * and answers.
 */
final class CustomFieldValues {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private CustomFieldValues() {
	}

	static @Nullable Object fromJson(JsonNode value) {
		if (value.isNull() || value.isMissingNode()) {
			return null;
		}
		if (value.isString()) {
			return value.stringValue();
		}
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		if (value.isNumber()) {
			return value.numberValue();
		}
		return value.toString();
	}

	static JsonNode toJson(@Nullable Object value) {
		if (value == null) {
			return nodes.nullNode();
		}
		if (value instanceof Boolean flag) {
			return nodes.booleanNode(flag);
		}
		if (value instanceof List<?> values) {
			ArrayNode array = nodes.arrayNode();
			values.forEach((item) -> array.add(String.valueOf(item)));
			return array;
		}
		return nodes.stringNode(value.toString());
	}

}

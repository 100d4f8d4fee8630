package io.cdottrials.cdot.catalog.internal.source;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.cdottrials.cdot.catalog.internal.customfields.CustomField.Level;
import io.cdottrials.cdot.catalog.internal.customfields.CustomField;
import io.cdottrials.cdot.catalog.internal.customfields.CustomFields;
import io.cdottrials.cdot.catalog.internal.source.record.ChargeRecord;
import io.cdottrials.cdot.catalog.internal.source.record.ProductRecord;
import io.cdottrials.cdot.catalog.internal.source.record.RatePlanRecord;
import io.cdottrials.cdot.catalog.internal.source.record.TierRecord;
import io.cdottrials.cdot.catalog.internal.source.record.ValidationFinding;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the products of Zuora's {@code GET /v1/catalog/products} answer (or a file in the
 * same shape) into a {@link FetchedCatalog}. A value outside its field's type, an
 * unreadable date or a record listed twice is a validation finding, never an exception;
 * only a record without an id, which could not be stored at all, fails the read.
 */
public final class ZuoraCatalogParser {

	private final CustomFieldReader customFields = new CustomFieldReader();

	/**
	 * Reads products.
	 * @param products the {@code products} entries of every page, in order
	 * @return the flattened catalog with its findings
	 */
	public FetchedCatalog parse(List<JsonNode> products) {
		Accumulator result = new Accumulator();
		for (JsonNode product : products) {
			readProduct(product, result);
		}
		return new FetchedCatalog(List.copyOf(result.products.values()), List.copyOf(result.ratePlans.values()),
				List.copyOf(result.charges.values()), List.copyOf(result.findings));
	}

	private void readProduct(JsonNode node, Accumulator result) {
		String id = requireId(node, "product");
		ProductRecord product = new ProductRecord(id, name(node, "product", id, result), text(node, "sku"),
				text(node, "description"), date(node, "effectiveStartDate", "product", id, result),
				date(node, "effectiveEndDate", "product", id, result), this.customFields.raw(node));
		if (result.keep("product", id, result.products, product)) {
			for (JsonNode ratePlan : node.path("productRatePlans")) {
				readRatePlan(ratePlan, id, result);
			}
		}
	}

	private void readRatePlan(JsonNode node, String productId, Accumulator result) {
		String id = requireId(node, "rate plan");
		RatePlanRecord ratePlan = new RatePlanRecord(id, productId, name(node, "rate_plan", id, result),
				text(node, "description"), text(node, "status"),
				date(node, "effectiveStartDate", "rate_plan", id, result),
				date(node, "effectiveEndDate", "rate_plan", id, result),
				this.customFields.read(node, Level.RATE_PLAN, "rate_plan", id, result.findings));
		if (result.keep("rate_plan", id, result.ratePlans, ratePlan)) {
			for (JsonNode charge : node.path("productRatePlanCharges")) {
				readCharge(charge, id, result);
			}
		}
	}

	private void readCharge(JsonNode node, String ratePlanId, Accumulator result) {
		String id = requireId(node, "charge");
		ChargeRecord charge = new ChargeRecord(id, ratePlanId, name(node, "charge", id, result), text(node, "type"),
				text(node, "model"), text(node, "uom"), text(node, "billingPeriod"),
				decimal(node.path("defaultQuantity")),
				this.customFields.read(node, Level.CHARGE, "charge", id, result.findings),
				tiers(node.path("pricing"), id, result));
		result.keep("charge", id, result.charges, charge);
	}

	private List<TierRecord> tiers(JsonNode pricing, String chargeId, Accumulator result) {
		Map<String, TierRecord> tiers = new LinkedHashMap<>();
		for (JsonNode price : pricing) {
			String currency = text(price, "currency");
			if (currency == null) {
				result.findings.add(new ValidationFinding("charge", chargeId, "pricing", price.toString(),
						"has no currency and was left out"));
				continue;
			}
			JsonNode priceTiers = price.path("tiers");
			if (priceTiers.isArray() && !priceTiers.isEmpty()) {
				int position = 0;
				for (JsonNode tier : priceTiers) {
					position++;
					int number = tier.path("tier").asInt(position);
					TierRecord record = new TierRecord(currency, number, decimal(tier.path("startingUnit")),
							decimal(tier.path("endingUnit")), decimal(tier.path("price")), text(tier, "priceFormat"));
					addTier(tiers, record, chargeId, result);
				}
			}
			else {
				addTier(tiers, new TierRecord(currency, 1, null, null, decimal(price.path("price")), null), chargeId,
						result);
			}
		}
		return tiers.values()
			.stream()
			.sorted(Comparator.comparing(TierRecord::currency).thenComparingInt(TierRecord::tier))
			.toList();
	}

	private static void addTier(Map<String, TierRecord> tiers, TierRecord tier, String chargeId, Accumulator result) {
		if (tiers.putIfAbsent(tier.currency() + "#" + tier.tier(), tier) != null) {
			result.findings.add(new ValidationFinding("charge", chargeId, "pricing",
					tier.currency() + " tier " + tier.tier(), "is listed twice; the first is kept"));
		}
	}

	private static String requireId(JsonNode node, String what) {
		String id = text(node, "id");
		if (id == null || id.isBlank()) {
			throw new CatalogSourceException(
					"The catalog lists a " + what + " without an id: " + abbreviate(node.toString()));
		}
		return id;
	}

	private static String name(JsonNode node, String recordType, String id, Accumulator result) {
		String name = text(node, "name");
		if (name == null || name.isBlank()) {
			result.findings.add(new ValidationFinding(recordType, id, "name", null, "is missing"));
			return "";
		}
		return name;
	}

	private static @Nullable LocalDate date(JsonNode node, String field, String recordType, String id,
			Accumulator result) {
		String text = text(node, field);
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			result.findings.add(new ValidationFinding(recordType, id, field, text, "is not a date (yyyy-MM-dd)"));
			return null;
		}
	}

	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		return value.isString() ? value.stringValue() : value.toString();
	}

	private static @Nullable BigDecimal decimal(JsonNode value) {
		if (value.isNumber()) {
			return value.decimalValue();
		}
		if (value.isString() && !value.stringValue().isBlank()) {
			try {
				return new BigDecimal(value.stringValue().trim());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	private static String abbreviate(String text) {
		return (text.length() <= 200) ? text : text.substring(0, 200) + "...";
	}

	private static final class Accumulator {

		private final Map<String, ProductRecord> products = new LinkedHashMap<>();

		private final Map<String, RatePlanRecord> ratePlans = new LinkedHashMap<>();

		private final Map<String, ChargeRecord> charges = new LinkedHashMap<>();

		private final List<ValidationFinding> findings = new ArrayList<>();

		<T> boolean keep(String recordType, String id, Map<String, T> records, T record) {
			if (records.putIfAbsent(id, record) != null) {
				this.findings.add(
						new ValidationFinding(recordType, id, "id", id, "is listed more than once; the first is kept"));
				return false;
			}
			return true;
		}

	}

	/**
	 * Collects the {@code *__c} fields of one record into a sorted map: declared fields
	 * normalised, others as they came.
	 */
	private static final class CustomFieldReader {

		Map<String, JsonNode> raw(JsonNode node) {
			Map<String, JsonNode> fields = new TreeMap<>();
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				if (property.getKey().endsWith("__c")) {
					fields.put(property.getKey(), property.getValue());
				}
			}
			return fields;
		}

		Map<String, JsonNode> read(JsonNode node, Level level, String recordType, String id,
				List<ValidationFinding> findings) {
			Map<String, JsonNode> fields = raw(node);
			fields.replaceAll((name, value) -> CustomFields.find(level, name)
				.map((field) -> normalise(field, value, recordType, id, findings))
				.orElse(value));
			return fields;
		}

		private JsonNode normalise(CustomField field, JsonNode value, String recordType, String id,
				List<ValidationFinding> findings) {
			try {
				return CustomFieldValues.toJson(field.read(CustomFieldValues.fromJson(value)).orElse(null));
			}
			catch (CustomField.InvalidValueException ex) {
				findings.add(new ValidationFinding(recordType, id, field.zuoraName(), ex.value(), ex.getMessage()));
				return value;
			}
		}

	}

}

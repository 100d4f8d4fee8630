package io.cdottrials.cdot.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.cdottrials.cdot.catalog.CustomField.InvalidValueException;
import io.cdottrials.cdot.catalog.CustomField.Level;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * A minimal, test-only stand-in for the sync: reads a catalog in Zuora's JSON shape into
 * the catalog tables as one new version. Rate plan and charge custom fields are
 * normalised with the {@link CustomFields} registry; an invalid value is kept as it came
 * (no classification reads it); unknown {@code __c} fields are kept.
 */
public final class DemoCatalogLoader {

	public static final String DEMO_CATALOG = "catalog/demo-catalog.json";

	private final CatalogFixtures fixtures;

	private final JsonMapper jsonMapper;

	public DemoCatalogLoader(CatalogFixtures fixtures, JsonMapper jsonMapper) {
		this.fixtures = fixtures;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Loads a catalog from the class path as a new version.
	 * @param resource class path location of the JSON
	 * @return the new version
	 */
	public CatalogFixtures.Version load(String resource) {
		JsonNode root;
		try (InputStream input = new ClassPathResource(resource).getInputStream()) {
			root = this.jsonMapper.readTree(input);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		CatalogFixtures.Version version = this.fixtures.newVersion();
		for (JsonNode product : root.path("products")) {
			long productId = this.fixtures.product(text(product, "id"), text(product, "name"), text(product, "sku"),
					text(product, "description"), date(product, "effectiveStartDate"),
					date(product, "effectiveEndDate"), customFields(product, null), version.version());
			for (JsonNode ratePlan : product.path("productRatePlans")) {
				long ratePlanId = this.fixtures.ratePlan(productId, text(ratePlan, "id"), text(ratePlan, "name"),
						text(ratePlan, "description"), text(ratePlan, "status"), date(ratePlan, "effectiveStartDate"),
						date(ratePlan, "effectiveEndDate"), customFields(ratePlan, Level.RATE_PLAN), version.version());
				for (JsonNode charge : ratePlan.path("productRatePlanCharges")) {
					loadCharge(ratePlanId, charge, version.version());
				}
			}
		}
		return version;
	}

	private void loadCharge(long ratePlanId, JsonNode charge, long version) {
		long chargeId = this.fixtures.charge(ratePlanId, text(charge, "id"), text(charge, "name"), text(charge, "type"),
				text(charge, "model"), text(charge, "uom"), text(charge, "billingPeriod"),
				decimal(charge, "defaultQuantity"), customFields(charge, Level.CHARGE), version);
		for (JsonNode pricing : charge.path("pricing")) {
			String currency = text(pricing, "currency");
			JsonNode tiers = pricing.path("tiers");
			if (tiers.isArray() && !tiers.isEmpty()) {
				for (JsonNode tier : tiers) {
					this.fixtures.tier(chargeId, currency, tier.path("tier").asInt(), decimal(tier, "startingUnit"),
							decimal(tier, "endingUnit"), decimal(tier, "price"), text(tier, "priceFormat"));
				}
			}
			else {
				this.fixtures.tier(chargeId, currency, 1, null, null, decimal(pricing, "price"), null);
			}
		}
	}

	private Map<String, Object> customFields(JsonNode record, @Nullable Level level) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> property : record.properties()) {
			if (!property.getKey().endsWith("__c") || property.getValue().isNull()) {
				continue;
			}
			Object raw = this.jsonMapper.treeToValue(property.getValue(), Object.class);
			Optional<CustomField> declared = (level != null) ? CustomFields.find(level, property.getKey())
					: Optional.empty();
			if (declared.isEmpty()) {
				fields.put(property.getKey(), raw);
				continue;
			}
			try {
				declared.get().read(raw).ifPresent((value) -> fields.put(property.getKey(), value));
			}
			catch (InvalidValueException ex) {
				fields.put(property.getKey(), raw);
			}
		}
		return fields;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private static @Nullable BigDecimal decimal(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.decimalValue();
	}

	private static @Nullable LocalDate date(JsonNode node, String field) {
		String value = text(node, field);
		return (value != null) ? LocalDate.parse(value) : null;
	}

}

package io.cdottrials.cdot.catalog.internal.sync.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.cdottrials.cdot.catalog.internal.source.record.CatalogRecord;
import io.cdottrials.cdot.catalog.internal.source.record.ChargeRecord;
import io.cdottrials.cdot.catalog.internal.source.record.ProductRecord;
import io.cdottrials.cdot.catalog.internal.source.record.RatePlanRecord;
import io.cdottrials.cdot.catalog.internal.source.record.TierRecord;
import io.cdottrials.cdot.catalog.internal.sync.store.StoredCatalog.Stored;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the whole stored catalog into the same records a source answers, so that the two
 * compare field by field.
 */
@Component
public class StoredCatalogReader {

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	StoredCatalogReader(JdbcClient jdbc, JsonMapper jsonMapper) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
	}

	public StoredCatalog read() {
		Map<Long, List<TierRecord>> tiers = tiers();
		return new StoredCatalog(byZuoraId(this.jdbc.sql("""
				select id, zuora_id, name, sku, description, effective_start_date, effective_end_date,
				  custom_fields::text as custom_fields, removed_in_version
				from catalog_product""").query((rs, row) -> stored(rs, product(rs))).list()),
				byZuoraId(this.jdbc.sql("""
						select rp.id, rp.zuora_id, p.zuora_id as parent_zuora_id, rp.name, rp.description, rp.status,
						  rp.effective_start_date, rp.effective_end_date, rp.custom_fields::text as custom_fields,
						  rp.removed_in_version
						from catalog_rate_plan rp join catalog_product p on p.id = rp.product_id""")
					.query((rs, row) -> stored(rs, ratePlan(rs)))
					.list()),
				byZuoraId(this.jdbc.sql("""
						select c.id, c.zuora_id, rp.zuora_id as parent_zuora_id, c.name, c.charge_type, c.charge_model,
						  c.uom, c.billing_period, c.default_quantity, c.custom_fields::text as custom_fields,
						  c.removed_in_version
						from catalog_charge c join catalog_rate_plan rp on rp.id = c.rate_plan_id""")
					.query((rs, row) -> stored(rs, charge(rs, tiers.getOrDefault(rs.getLong("id"), List.of()))))
					.list()));
	}

	private ProductRecord product(ResultSet rs) throws SQLException {
		return new ProductRecord(rs.getString("zuora_id"), rs.getString("name"), rs.getString("sku"),
				rs.getString("description"), rs.getObject("effective_start_date", LocalDate.class),
				rs.getObject("effective_end_date", LocalDate.class), customFields(rs));
	}

	private RatePlanRecord ratePlan(ResultSet rs) throws SQLException {
		return new RatePlanRecord(rs.getString("zuora_id"), rs.getString("parent_zuora_id"), rs.getString("name"),
				rs.getString("description"), rs.getString("status"),
				rs.getObject("effective_start_date", LocalDate.class),
				rs.getObject("effective_end_date", LocalDate.class), customFields(rs));
	}

	private ChargeRecord charge(ResultSet rs, List<TierRecord> tiers) throws SQLException {
		return new ChargeRecord(rs.getString("zuora_id"), rs.getString("parent_zuora_id"), rs.getString("name"),
				rs.getString("charge_type"), rs.getString("charge_model"), rs.getString("uom"),
				rs.getString("billing_period"), rs.getBigDecimal("default_quantity"), customFields(rs), tiers);
	}

	private Map<Long, List<TierRecord>> tiers() {
		Map<Long, List<TierRecord>> tiers = new HashMap<>();
		this.jdbc.sql("""
				select charge_id, currency, tier, starting_unit, ending_unit, price, price_format
				from catalog_charge_tier order by charge_id, currency, tier""").query((rs) -> {
			tiers.computeIfAbsent(rs.getLong("charge_id"), (id) -> new ArrayList<>())
				.add(new TierRecord(rs.getString("currency"), rs.getInt("tier"), rs.getBigDecimal("starting_unit"),
						rs.getBigDecimal("ending_unit"), rs.getBigDecimal("price"), rs.getString("price_format")));
		});
		return tiers;
	}

	private Map<String, JsonNode> customFields(ResultSet rs) throws SQLException {
		Map<String, JsonNode> fields = new TreeMap<>();
		this.jsonMapper.readTree(rs.getString("custom_fields")).properties().forEach((field) -> {
			fields.put(field.getKey(), field.getValue());
		});
		return fields;
	}

	private static <T extends CatalogRecord> Stored<T> stored(ResultSet rs, T record) throws SQLException {
		return new Stored<>(rs.getLong("id"), record, rs.getObject("removed_in_version") != null);
	}

	private static <T extends CatalogRecord> Map<String, Stored<T>> byZuoraId(List<Stored<T>> records) {
		Map<String, Stored<T>> byId = new LinkedHashMap<>();
		records.forEach((stored) -> byId.put(stored.record().zuoraId(), stored));
		return byId;
	}

}

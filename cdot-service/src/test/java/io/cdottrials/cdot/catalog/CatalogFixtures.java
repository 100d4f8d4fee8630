package io.cdottrials.cdot.catalog;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes catalog rows straight into the module's own tables, for tests of the read side
 * that must not depend on the sync.
 */
public final class CatalogFixtures {

	private final JdbcTemplate jdbc;

	private final JsonMapper jsonMapper;

	public CatalogFixtures(JdbcTemplate jdbc, JsonMapper jsonMapper) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Records a succeeded sync run and the next catalog version.
	 * @return the version and its run
	 */
	public Version newVersion() {
		Long runId = this.jdbc.queryForObject("""
				insert into catalog_sync_run (trigger, source, status, started_at, finished_at)
				values ('admin', 'file', 'succeeded', now(), now()) returning id""", Long.class);
		Long version = this.jdbc.queryForObject("""
				insert into catalog_version (version, sync_run_id)
				select coalesce(max(version), 0) + 1, ? from catalog_version returning version""", Long.class, runId);
		this.jdbc.update("update catalog_sync_run set catalog_version = ? where id = ?", version, runId);
		return new Version(version, runId);
	}

	public long product(String zuoraId, String name, @Nullable String sku, long version) {
		return insert("""
				insert into catalog_product (zuora_id, name, sku, changed_in_version) values (?, ?, ?, ?)
				returning id""", zuoraId, name, sku, version);
	}

	public long product(String zuoraId, String name, @Nullable String sku, @Nullable String description,
			@Nullable LocalDate start, @Nullable LocalDate end, Map<String, Object> customFields, long version) {
		return insert("""
				insert into catalog_product (zuora_id, name, sku, description, effective_start_date,
				  effective_end_date, custom_fields, changed_in_version)
				values (?, ?, ?, ?, ?, ?, ?::jsonb, ?) returning id""", zuoraId, name, sku, description, date(start),
				date(end), json(customFields), version);
	}

	public long ratePlan(long productId, String zuoraId, String name, Map<String, Object> customFields, long version) {
		return ratePlan(productId, zuoraId, name, null, "Active", null, null, customFields, version);
	}

	public long ratePlan(long productId, String zuoraId, String name, @Nullable String description,
			@Nullable String status, @Nullable LocalDate start, @Nullable LocalDate end,
			Map<String, Object> customFields, long version) {
		return insert("""
				insert into catalog_rate_plan (zuora_id, product_id, name, description, status, effective_start_date,
				  effective_end_date, custom_fields, changed_in_version)
				values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) returning id""", zuoraId, productId, name, description,
				status, date(start), date(end), json(customFields), version);
	}

	public long charge(long ratePlanId, String zuoraId, String name, @Nullable String chargeType,
			@Nullable String chargeModel, @Nullable String uom, @Nullable String billingPeriod,
			@Nullable BigDecimal defaultQuantity, Map<String, Object> customFields, long version) {
		return insert("""
				insert into catalog_charge (zuora_id, rate_plan_id, name, charge_type, charge_model, uom,
				  billing_period, default_quantity, custom_fields, changed_in_version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) returning id""", zuoraId, ratePlanId, name, chargeType,
				chargeModel, uom, billingPeriod, defaultQuantity, json(customFields), version);
	}

	public void tier(long chargeId, String currency, int tier, @Nullable BigDecimal startingUnit,
			@Nullable BigDecimal endingUnit, @Nullable BigDecimal price, @Nullable String priceFormat) {
		this.jdbc.update("""
				insert into catalog_charge_tier (charge_id, currency, tier, starting_unit, ending_unit, price,
				  price_format) values (?, ?, ?, ?, ?, ?, ?)""", chargeId, currency, tier, startingUnit, endingUnit,
				price, priceFormat);
	}

	/**
	 * Marks a rate plan and its charges removed, as a sync does when Zuora no longer has
	 * them.
	 * @param zuoraId the rate plan's Zuora id
	 * @param version the version that removed it
	 */
	public void removeRatePlan(String zuoraId, long version) {
		this.jdbc.update("""
				update catalog_charge set removed_in_version = ?, changed_in_version = ?
				where rate_plan_id = (select id from catalog_rate_plan where zuora_id = ?)""", version, version,
				zuoraId);
		this.jdbc.update(
				"update catalog_rate_plan set removed_in_version = ?, changed_in_version = ? where zuora_id = ?",
				version, version, zuoraId);
	}

	public long latestVersion() {
		Long version = this.jdbc.queryForObject("select coalesce(max(version), 0) from catalog_version", Long.class);
		return (version != null) ? version : 0;
	}

	private long insert(String sql, @Nullable Object... arguments) {
		Long id = this.jdbc.queryForObject(sql, Long.class, arguments);
		if (id == null) {
			throw new IllegalStateException("No id returned by " + sql);
		}
		return id;
	}

	private String json(Map<String, Object> value) {
		return this.jsonMapper.writeValueAsString(value);
	}

	private static @Nullable Date date(@Nullable LocalDate date) {
		return (date != null) ? Date.valueOf(date) : null;
	}

	/**
	 * A catalog version and the sync run that produced it.
	 *
	 * @param version the version number
	 * @param syncRunId the run
	 */
	public record Version(long version, long syncRunId) {
	}

}

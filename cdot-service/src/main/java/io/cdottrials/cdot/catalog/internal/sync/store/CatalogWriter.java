package io.cdottrials.cdot.catalog.internal.sync.store;

import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.cdottrials.cdot.catalog.internal.source.record.CatalogRecord;
import io.cdottrials.cdot.catalog.internal.source.record.ChargeRecord;
import io.cdottrials.cdot.catalog.internal.source.record.ProductRecord;
import io.cdottrials.cdot.catalog.internal.source.record.RatePlanRecord;
import io.cdottrials.cdot.catalog.internal.source.record.TierRecord;
import io.cdottrials.cdot.catalog.internal.sync.store.CatalogChanges.Change;
import io.cdottrials.cdot.catalog.internal.sync.store.CatalogChanges.Kind;
import io.cdottrials.cdot.catalog.internal.sync.store.StoredCatalog.Stored;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Writes a sync's changes as one catalog version: inserts added records, updates changed
 * and restored ones (clearing {@code removed_in_version}), marks vanished ones removed.
 * Nothing is deleted; rows untouched by the sync keep their {@code changed_in_version}.
 * Runs inside the sync's transaction.
 * <p>
 * Rows go to the database in JDBC batches of {@value #BATCH_SIZE}, not one statement
 * each: a first sync of a catalog of 10,000 rate plans and 40,000 charges is some 100,000
 * rows, which one round trip per row made a matter of minutes. Parameters carry their SQL
 * types so that a {@code null} needs no parameter metadata from the server.
 */
@Component
public class CatalogWriter {

	public static final int BATCH_SIZE = 1000;

	private static final String INSERT_PRODUCT = """
			insert into catalog_product (zuora_id, name, sku, description, effective_start_date,
			  effective_end_date, custom_fields, changed_in_version)
			values (:zuoraId, :name, :sku, :description, :start, :end, :customFields::jsonb, :version)""";

	private static final String UPDATE_PRODUCT = """
			update catalog_product set name = :name, sku = :sku, description = :description,
			  effective_start_date = :start, effective_end_date = :end, custom_fields = :customFields::jsonb,
			  removed_in_version = null, changed_in_version = :version
			where id = :id""";

	private static final String INSERT_RATE_PLAN = """
			insert into catalog_rate_plan (zuora_id, product_id, name, description, status,
			  effective_start_date, effective_end_date, custom_fields, changed_in_version)
			values (:zuoraId, :productId, :name, :description, :status, :start, :end, :customFields::jsonb,
			  :version)""";

	private static final String UPDATE_RATE_PLAN = """
			update catalog_rate_plan set product_id = :productId, name = :name, description = :description,
			  status = :status, effective_start_date = :start, effective_end_date = :end,
			  custom_fields = :customFields::jsonb, removed_in_version = null, changed_in_version = :version
			where id = :id""";

	private static final String INSERT_CHARGE = """
			insert into catalog_charge (zuora_id, rate_plan_id, name, charge_type, charge_model, uom,
			  billing_period, default_quantity, custom_fields, changed_in_version)
			values (:zuoraId, :ratePlanId, :name, :chargeType, :chargeModel, :uom, :billingPeriod,
			  :defaultQuantity, :customFields::jsonb, :version)""";

	private static final String UPDATE_CHARGE = """
			update catalog_charge set rate_plan_id = :ratePlanId, name = :name, charge_type = :chargeType,
			  charge_model = :chargeModel, uom = :uom, billing_period = :billingPeriod,
			  default_quantity = :defaultQuantity, custom_fields = :customFields::jsonb,
			  removed_in_version = null, changed_in_version = :version
			where id = :id""";

	private static final String INSERT_TIER = """
			insert into catalog_charge_tier (charge_id, currency, tier, starting_unit, ending_unit, price,
			  price_format)
			values (:chargeId, :currency, :tier, :startingUnit, :endingUnit, :price, :priceFormat)""";

	private final NamedParameterJdbcTemplate jdbc;

	private final JsonMapper jsonMapper;

	CatalogWriter(NamedParameterJdbcTemplate jdbc, JsonMapper jsonMapper) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
	}

	public void write(CatalogChanges changes, StoredCatalog stored, long version) {
		Map<String, Long> productIds = ids(stored.products());
		upsert(changes.products(), INSERT_PRODUCT, UPDATE_PRODUCT, (product) -> product(product, version), productIds);
		Map<String, Long> ratePlanIds = ids(stored.ratePlans());
		upsert(changes.ratePlans(), INSERT_RATE_PLAN, UPDATE_RATE_PLAN,
				(ratePlan) -> ratePlan(ratePlan, productIds.get(ratePlan.productZuoraId()), version), ratePlanIds);
		Map<String, Long> chargeIds = ids(stored.charges());
		upsert(changes.charges(), INSERT_CHARGE, UPDATE_CHARGE,
				(charge) -> charge(charge, ratePlanIds.get(charge.ratePlanZuoraId()), version), chargeIds);
		replaceTiers(changes.charges(), chargeIds);
		markRemoved("catalog_product", changes.products(), version);
		markRemoved("catalog_rate_plan", changes.ratePlans(), version);
		markRemoved("catalog_charge", changes.charges(), version);
	}

	/**
	 * Inserts the added records and updates the changed and restored ones, in batches;
	 * records the row id of every inserted record in {@code ids}.
	 */
	private <T extends CatalogRecord> void upsert(List<Change<T>> changes, String insertSql, String updateSql,
			Function<T, MapSqlParameterSource> parameters, Map<String, Long> ids) {
		List<T> inserts = new ArrayList<>();
		List<SqlParameterSource> updates = new ArrayList<>();
		for (Change<T> change : changes) {
			if (change.kind() == Kind.REMOVED) {
				continue;
			}
			if (change.dbId() == null) {
				inserts.add(change.record());
			}
			else {
				updates.add(parameters.apply(change.record()).addValue("id", change.dbId(), Types.BIGINT));
			}
		}
		for (List<T> batch : batches(inserts)) {
			KeyHolder keys = new GeneratedKeyHolder();
			this.jdbc.batchUpdate(insertSql, batch.stream().map(parameters).toArray(SqlParameterSource[]::new), keys,
					new String[] { "id" });
			List<Map<String, Object>> generated = keys.getKeyList();
			for (int i = 0; i < batch.size(); i++) {
				ids.put(batch.get(i).zuoraId(), ((Number) generated.get(i).get("id")).longValue());
			}
		}
		for (List<SqlParameterSource> batch : batches(updates)) {
			this.jdbc.batchUpdate(updateSql, batch.toArray(SqlParameterSource[]::new));
		}
	}

	private MapSqlParameterSource product(ProductRecord product, long version) {
		return new MapSqlParameterSource().addValue("zuoraId", product.zuoraId(), Types.VARCHAR)
			.addValue("name", product.name(), Types.VARCHAR)
			.addValue("sku", product.sku(), Types.VARCHAR)
			.addValue("description", product.description(), Types.VARCHAR)
			.addValue("start", product.effectiveStartDate(), Types.DATE)
			.addValue("end", product.effectiveEndDate(), Types.DATE)
			.addValue("customFields", this.jsonMapper.writeValueAsString(product.customFields()), Types.VARCHAR)
			.addValue("version", version, Types.BIGINT);
	}

	private MapSqlParameterSource ratePlan(RatePlanRecord ratePlan, long productId, long version) {
		return new MapSqlParameterSource().addValue("zuoraId", ratePlan.zuoraId(), Types.VARCHAR)
			.addValue("productId", productId, Types.BIGINT)
			.addValue("name", ratePlan.name(), Types.VARCHAR)
			.addValue("description", ratePlan.description(), Types.VARCHAR)
			.addValue("status", ratePlan.status(), Types.VARCHAR)
			.addValue("start", ratePlan.effectiveStartDate(), Types.DATE)
			.addValue("end", ratePlan.effectiveEndDate(), Types.DATE)
			.addValue("customFields", this.jsonMapper.writeValueAsString(ratePlan.customFields()), Types.VARCHAR)
			.addValue("version", version, Types.BIGINT);
	}

	private MapSqlParameterSource charge(ChargeRecord charge, long ratePlanId, long version) {
		return new MapSqlParameterSource().addValue("zuoraId", charge.zuoraId(), Types.VARCHAR)
			.addValue("ratePlanId", ratePlanId, Types.BIGINT)
			.addValue("name", charge.name(), Types.VARCHAR)
			.addValue("chargeType", charge.chargeType(), Types.VARCHAR)
			.addValue("chargeModel", charge.chargeModel(), Types.VARCHAR)
			.addValue("uom", charge.uom(), Types.VARCHAR)
			.addValue("billingPeriod", charge.billingPeriod(), Types.VARCHAR)
			.addValue("defaultQuantity", charge.defaultQuantity(), Types.NUMERIC)
			.addValue("customFields", this.jsonMapper.writeValueAsString(charge.customFields()), Types.VARCHAR)
			.addValue("version", version, Types.BIGINT);
	}

	/** The tiers of every added, changed or restored charge, written afresh. */
	private void replaceTiers(List<Change<ChargeRecord>> changes, Map<String, Long> chargeIds) {
		List<Long> written = new ArrayList<>();
		List<SqlParameterSource> tiers = new ArrayList<>();
		for (Change<ChargeRecord> change : changes) {
			if (change.kind() == Kind.REMOVED) {
				continue;
			}
			long chargeId = chargeIds.get(change.record().zuoraId());
			if (change.dbId() != null) {
				written.add(chargeId);
			}
			for (TierRecord tier : change.record().tiers()) {
				tiers.add(new MapSqlParameterSource().addValue("chargeId", chargeId, Types.BIGINT)
					.addValue("currency", tier.currency(), Types.VARCHAR)
					.addValue("tier", tier.tier(), Types.INTEGER)
					.addValue("startingUnit", tier.startingUnit(), Types.NUMERIC)
					.addValue("endingUnit", tier.endingUnit(), Types.NUMERIC)
					.addValue("price", tier.price(), Types.NUMERIC)
					.addValue("priceFormat", tier.priceFormat(), Types.VARCHAR));
			}
		}
		if (!written.isEmpty()) {
			// one array parameter: the statement is the same whatever the number of
			// charges
			this.jdbc.update("delete from catalog_charge_tier where charge_id = any(:ids)",
					new MapSqlParameterSource("ids", written.toArray(Long[]::new)));
		}
		for (List<SqlParameterSource> batch : batches(tiers)) {
			this.jdbc.batchUpdate(INSERT_TIER, batch.toArray(SqlParameterSource[]::new));
		}
	}

	private <T extends CatalogRecord> void markRemoved(String table, List<Change<T>> changes, long version) {
		List<Long> ids = new ArrayList<>();
		for (Change<T> change : changes) {
			if (change.kind() == Kind.REMOVED) {
				ids.add(change.dbId());
			}
		}
		if (!ids.isEmpty()) {
			this.jdbc.update(
					"update " + table + " set removed_in_version = :version, changed_in_version = :version"
							+ " where id = any(:ids)",
					new MapSqlParameterSource("version", version).addValue("ids", ids.toArray(Long[]::new)));
		}
	}

	private static <T> List<List<T>> batches(List<T> items) {
		List<List<T>> batches = new ArrayList<>();
		for (int from = 0; from < items.size(); from += BATCH_SIZE) {
			batches.add(items.subList(from, Math.min(items.size(), from + BATCH_SIZE)));
		}
		return batches;
	}

	private static <T extends CatalogRecord> Map<String, Long> ids(Map<String, Stored<T>> stored) {
		Map<String, Long> ids = new HashMap<>();
		stored.forEach((zuoraId, record) -> ids.put(zuoraId, record.dbId()));
		return ids;
	}

}

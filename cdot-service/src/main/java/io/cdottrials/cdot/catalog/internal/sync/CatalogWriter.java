package io.cdottrials.cdot.catalog.internal.sync;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cdottrials.cdot.catalog.internal.source.CatalogRecord;
import io.cdottrials.cdot.catalog.internal.source.ChargeRecord;
import io.cdottrials.cdot.catalog.internal.source.ProductRecord;
import io.cdottrials.cdot.catalog.internal.source.RatePlanRecord;
import io.cdottrials.cdot.catalog.internal.source.TierRecord;
import io.cdottrials.cdot.catalog.internal.sync.CatalogChanges.Change;
import io.cdottrials.cdot.catalog.internal.sync.CatalogChanges.Kind;
import io.cdottrials.cdot.catalog.internal.sync.StoredCatalog.Stored;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a sync's changes as one catalog version: inserts added records, updates changed
 * and restored ones (clearing {@code removed_in_version}), marks vanished ones removed.
 * Nothing is deleted; rows untouched by the sync keep their {@code changed_in_version}.
 * Runs inside the sync's transaction.
 */
@Component
class CatalogWriter {

	private final JdbcClient jdbc;

	private final JsonMapper jsonMapper;

	CatalogWriter(JdbcClient jdbc, JsonMapper jsonMapper) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
	}

	void write(CatalogChanges changes, StoredCatalog stored, long version) {
		Map<String, Long> productIds = ids(stored.products());
		for (Change<ProductRecord> change : changes.products()) {
			if (change.kind() != Kind.REMOVED) {
				productIds.put(change.record().zuoraId(), upsertProduct(change, version));
			}
		}
		Map<String, Long> ratePlanIds = ids(stored.ratePlans());
		for (Change<RatePlanRecord> change : changes.ratePlans()) {
			if (change.kind() != Kind.REMOVED) {
				long productId = productIds.get(change.record().productZuoraId());
				ratePlanIds.put(change.record().zuoraId(), upsertRatePlan(change, productId, version));
			}
		}
		for (Change<ChargeRecord> change : changes.charges()) {
			if (change.kind() != Kind.REMOVED) {
				long ratePlanId = ratePlanIds.get(change.record().ratePlanZuoraId());
				replaceTiers(upsertCharge(change, ratePlanId, version), change.record().tiers());
			}
		}
		markRemoved("catalog_product", changes.products(), version);
		markRemoved("catalog_rate_plan", changes.ratePlans(), version);
		markRemoved("catalog_charge", changes.charges(), version);
	}

	private long upsertProduct(Change<ProductRecord> change, long version) {
		ProductRecord product = change.record();
		String sql = (change.dbId() == null) ? """
				insert into catalog_product (zuora_id, name, sku, description, effective_start_date,
				  effective_end_date, custom_fields, changed_in_version)
				values (:zuoraId, :name, :sku, :description, :start, :end, :customFields::jsonb, :version)
				returning id""" : """
				update catalog_product set name = :name, sku = :sku, description = :description,
				  effective_start_date = :start, effective_end_date = :end, custom_fields = :customFields::jsonb,
				  removed_in_version = null, changed_in_version = :version
				where id = :id returning id""";
		return this.jdbc.sql(sql)
			.param("id", change.dbId())
			.param("zuoraId", product.zuoraId())
			.param("name", product.name())
			.param("sku", product.sku())
			.param("description", product.description())
			.param("start", product.effectiveStartDate())
			.param("end", product.effectiveEndDate())
			.param("customFields", this.jsonMapper.writeValueAsString(product.customFields()))
			.param("version", version)
			.query(Long.class)
			.single();
	}

	private long upsertRatePlan(Change<RatePlanRecord> change, long productId, long version) {
		RatePlanRecord ratePlan = change.record();
		String sql = (change.dbId() == null) ? """
				insert into catalog_rate_plan (zuora_id, product_id, name, description, status,
				  effective_start_date, effective_end_date, custom_fields, changed_in_version)
				values (:zuoraId, :productId, :name, :description, :status, :start, :end, :customFields::jsonb,
				  :version)
				returning id""" : """
				update catalog_rate_plan set product_id = :productId, name = :name, description = :description,
				  status = :status, effective_start_date = :start, effective_end_date = :end,
				  custom_fields = :customFields::jsonb, removed_in_version = null, changed_in_version = :version
				where id = :id returning id""";
		return this.jdbc.sql(sql)
			.param("id", change.dbId())
			.param("zuoraId", ratePlan.zuoraId())
			.param("productId", productId)
			.param("name", ratePlan.name())
			.param("description", ratePlan.description())
			.param("status", ratePlan.status())
			.param("start", ratePlan.effectiveStartDate())
			.param("end", ratePlan.effectiveEndDate())
			.param("customFields", this.jsonMapper.writeValueAsString(ratePlan.customFields()))
			.param("version", version)
			.query(Long.class)
			.single();
	}

	private long upsertCharge(Change<ChargeRecord> change, long ratePlanId, long version) {
		ChargeRecord charge = change.record();
		String sql = (change.dbId() == null) ? """
				insert into catalog_charge (zuora_id, rate_plan_id, name, charge_type, charge_model, uom,
				  billing_period, default_quantity, custom_fields, changed_in_version)
				values (:zuoraId, :ratePlanId, :name, :chargeType, :chargeModel, :uom, :billingPeriod,
				  :defaultQuantity, :customFields::jsonb, :version)
				returning id""" : """
				update catalog_charge set rate_plan_id = :ratePlanId, name = :name, charge_type = :chargeType,
				  charge_model = :chargeModel, uom = :uom, billing_period = :billingPeriod,
				  default_quantity = :defaultQuantity, custom_fields = :customFields::jsonb,
				  removed_in_version = null, changed_in_version = :version
				where id = :id returning id""";
		return this.jdbc.sql(sql)
			.param("id", change.dbId())
			.param("zuoraId", charge.zuoraId())
			.param("ratePlanId", ratePlanId)
			.param("name", charge.name())
			.param("chargeType", charge.chargeType())
			.param("chargeModel", charge.chargeModel())
			.param("uom", charge.uom())
			.param("billingPeriod", charge.billingPeriod())
			.param("defaultQuantity", charge.defaultQuantity())
			.param("customFields", this.jsonMapper.writeValueAsString(charge.customFields()))
			.param("version", version)
			.query(Long.class)
			.single();
	}

	private void replaceTiers(long chargeId, List<TierRecord> tiers) {
		this.jdbc.sql("delete from catalog_charge_tier where charge_id = :chargeId")
			.param("chargeId", chargeId)
			.update();
		for (TierRecord tier : tiers) {
			this.jdbc.sql("""
					insert into catalog_charge_tier (charge_id, currency, tier, starting_unit, ending_unit, price,
					  price_format)
					values (:chargeId, :currency, :tier, :startingUnit, :endingUnit, :price, :priceFormat)""")
				.param("chargeId", chargeId)
				.param("currency", tier.currency())
				.param("tier", tier.tier())
				.param("startingUnit", tier.startingUnit())
				.param("endingUnit", tier.endingUnit())
				.param("price", tier.price())
				.param("priceFormat", tier.priceFormat())
				.update();
		}
	}

	private <T extends CatalogRecord> void markRemoved(String table, List<Change<T>> changes, long version) {
		List<Long> ids = changes.stream().filter((change) -> change.kind() == Kind.REMOVED).map(Change::dbId).toList();
		if (!ids.isEmpty()) {
			this.jdbc
				.sql("update " + table + " set removed_in_version = :version, changed_in_version = :version"
						+ " where id in (:ids)")
				.param("version", version)
				.param("ids", ids)
				.update();
		}
	}

	private static <T extends CatalogRecord> Map<String, Long> ids(Map<String, Stored<T>> stored) {
		Map<String, Long> ids = new HashMap<>();
		stored.forEach((zuoraId, record) -> ids.put(zuoraId, record.dbId()));
		return ids;
	}

}

package io.cdottrials.cdot.catalog.internal.snapshot;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cdottrials.cdot.catalog.Plan;
import io.cdottrials.cdot.catalog.internal.classification.ClassificationDefinitions;
import io.cdottrials.cdot.catalog.internal.classification.ClassificationQuery;
import io.cdottrials.cdot.catalog.internal.sync.CatalogVersions;
import io.cdottrials.cdot.catalog.internal.snapshot.CatalogRows.ChargeRow;
import io.cdottrials.cdot.catalog.internal.snapshot.CatalogRows.RatePlanRow;
import io.cdottrials.cdot.catalog.internal.snapshot.CatalogRows.TierRow;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads one consistent catalog version from the database: the version number, every plan
 * with its charges and USD tiers, and every classification's containment query. A fixed
 * number of statements (three for the plans, one per classification), all in one
 * repeatable-read snapshot, so a sync committing meanwhile cannot tear it.
 */
@Repository
public class ClassifiedCatalogRepository {

	private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final JsonMapper jsonMapper;

	private final TransactionTemplate snapshotTransaction;

	private final Map<String, ClassificationQuery> queries;

	private final CatalogVersions versions;

	public ClassifiedCatalogRepository(JdbcTemplate jdbc, JsonMapper jsonMapper,
			PlatformTransactionManager transactionManager, CatalogVersions versions) {
		this.jdbc = jdbc;
		this.jsonMapper = jsonMapper;
		this.snapshotTransaction = new TransactionTemplate(transactionManager);
		this.snapshotTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshotTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.snapshotTransaction.setReadOnly(true);
		this.versions = versions;
		this.queries = new LinkedHashMap<>();
		ClassificationDefinitions.all()
			.forEach((name, criteria) -> this.queries.put(name, ClassificationQuery.of(criteria, jsonMapper)));
	}

	/**
	 * Reads the newest catalog version whole and resolves every classification.
	 * @param legacyIds rate plan ids each classification's hard-coded constants name
	 * @return the snapshot
	 */
	public ClassifiedCatalog load(Map<String, Set<String>> legacyIds) {
		ClassifiedCatalog snapshot = this.snapshotTransaction.execute((status) -> {
			long version = this.versions.current();
			Map<String, List<String>> classifications = new LinkedHashMap<>();
			this.queries.forEach((name, query) -> classifications.put(name,
					this.jdbc.queryForList(query.sql(), String.class, query.parameters().toArray())));
			return ClassifiedCatalog.of(version, loadPlans(), classifications, legacyIds);
		});
		return (snapshot != null) ? snapshot : ClassifiedCatalog.empty(legacyIds);
	}

	private Map<String, Plan> loadPlans() {
		List<RatePlanRow> ratePlans = this.jdbc.query("""
				select rp.id, rp.zuora_id, rp.name, p.name as product_name, p.sku, rp.custom_fields,
				       rp.removed_in_version is not null as removed
				from catalog_rate_plan rp join catalog_product p on p.id = rp.product_id
				order by rp.id""",
				(rs, row) -> new RatePlanRow(rs.getLong("id"), rs.getString("zuora_id"), rs.getString("name"),
						rs.getString("product_name"), rs.getString("sku"), json(rs, "custom_fields"),
						rs.getBoolean("removed")));
		Map<Long, List<ChargeRow>> charges = new HashMap<>();
		this.jdbc.query("""
				select id, rate_plan_id, charge_type, charge_model, billing_period, default_quantity, custom_fields,
				       removed_in_version is not null as removed
				from catalog_charge order by id""", (ResultSet rs) -> {
			ChargeRow charge = new ChargeRow(rs.getLong("id"), rs.getLong("rate_plan_id"), rs.getString("charge_type"),
					rs.getString("charge_model"), rs.getString("billing_period"), rs.getBigDecimal("default_quantity"),
					json(rs, "custom_fields"), rs.getBoolean("removed"));
			charges.computeIfAbsent(charge.ratePlanId(), (id) -> new ArrayList<>()).add(charge);
		});
		Map<Long, List<TierRow>> tiers = new HashMap<>();
		this.jdbc.query("""
				select charge_id, tier, starting_unit, price from catalog_charge_tier
				where currency = 'USD' order by charge_id, tier""", (ResultSet rs) -> {
			BigDecimal startingUnit = rs.getBigDecimal("starting_unit");
			TierRow tier = new TierRow(rs.getLong("charge_id"), rs.getInt("tier"), startingUnit,
					rs.getBigDecimal("price"));
			tiers.computeIfAbsent(tier.chargeId(), (id) -> new ArrayList<>()).add(tier);
		});
		Map<String, Plan> plans = new HashMap<>();
		for (RatePlanRow ratePlan : ratePlans) {
			plans.put(ratePlan.zuoraId(),
					PlanAssembler.assemble(ratePlan, charges.getOrDefault(ratePlan.id(), List.of()), tiers));
		}
		return plans;
	}

	private Map<String, Object> json(ResultSet rs, String column) throws SQLException {
		String text = rs.getString(column);
		return (text != null) ? this.jsonMapper.readValue(text, JSON_OBJECT) : Map.of();
	}

}

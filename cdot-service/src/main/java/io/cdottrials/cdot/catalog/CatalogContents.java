package io.cdottrials.cdot.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cdottrials.cdot.catalog.internal.snapshot.CurrentCatalog;
import io.cdottrials.cdot.catalog.internal.source.record.ChargeRecord;
import io.cdottrials.cdot.catalog.internal.source.record.ProductRecord;
import io.cdottrials.cdot.catalog.internal.source.record.RatePlanRecord;
import io.cdottrials.cdot.catalog.internal.sync.store.StoredCatalog;
import io.cdottrials.cdot.catalog.internal.sync.store.StoredCatalogReader;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;

/**
 * The stored catalog as people read it (the admin console): products, their rate plans,
 * charges and price tiers with every custom field, removed records included; and a plan
 * as the in-memory catalog answers it.
 */
@Service
public class CatalogContents {

	private final StoredCatalogReader reader;

	private final CurrentCatalog currentCatalog;

	CatalogContents(StoredCatalogReader reader, CurrentCatalog currentCatalog) {
		this.reader = reader;
		this.currentCatalog = currentCatalog;
	}

	/**
	 * Every product with its rate plans, charges and tiers, by name.
	 * @return the products
	 */
	public List<Product> products() {
		StoredCatalog stored = this.reader.read();
		Map<String, List<Charge>> chargesByPlan = new LinkedHashMap<>();
		stored.charges().values().forEach((charge) -> {
			ChargeRecord record = charge.record();
			chargesByPlan.computeIfAbsent(record.ratePlanZuoraId(), (id) -> new ArrayList<>())
				.add(new Charge(record.zuoraId(), record.name(), record.chargeType(), record.chargeModel(),
						record.billingPeriod(), fields(record.customFields()),
						record.tiers()
							.stream()
							.map((tier) -> new PriceTier(tier.currency(), tier.tier(), tier.startingUnit(),
									tier.endingUnit(), tier.price(), tier.priceFormat()))
							.toList(),
						charge.removed()));
		});
		Map<String, List<RatePlan>> plansByProduct = new LinkedHashMap<>();
		stored.ratePlans().values().forEach((plan) -> {
			RatePlanRecord record = plan.record();
			plansByProduct.computeIfAbsent(record.productZuoraId(), (id) -> new ArrayList<>())
				.add(new RatePlan(record.zuoraId(), record.name(), record.status(), fields(record.customFields()),
						chargesByPlan.getOrDefault(record.zuoraId(), List.of()), plan.removed()));
		});
		List<Product> products = new ArrayList<>();
		stored.products().values().forEach((product) -> {
			ProductRecord record = product.record();
			List<RatePlan> plans = new ArrayList<>(plansByProduct.getOrDefault(record.zuoraId(), List.of()));
			plans.sort(Comparator.comparing(RatePlan::name));
			products.add(new Product(record.zuoraId(), record.name(), record.sku(), fields(record.customFields()),
					plans, product.removed()));
		});
		products.sort(Comparator.comparing(Product::name));
		return products;
	}

	/**
	 * One plan as the catalog in memory answers it, the value eligibility and
	 * subscriptions read.
	 * @param ratePlanId Zuora id of a product rate plan
	 * @return the plan, empty when the catalog has never known it
	 */
	public Optional<Plan> plan(String ratePlanId) {
		return Optional.ofNullable(this.currentCatalog.current().plans().get(ratePlanId));
	}

	/**
	 * The catalog version in memory.
	 * @return the version, 0 before the first sync
	 */
	public long version() {
		return this.currentCatalog.current().version();
	}

	private static Map<String, String> fields(Map<String, JsonNode> customFields) {
		Map<String, String> fields = new LinkedHashMap<>();
		customFields.forEach((name, value) -> fields.put(name,
				value.isNull() ? "" : value.isString() ? value.asString() : value.toString()));
		return fields;
	}

	/**
	 * A product.
	 *
	 * @param zuoraId Zuora id
	 * @param name its name
	 * @param sku its SKU
	 * @param customFields every custom field, as stored
	 * @param ratePlans its rate plans, by name
	 * @param removed whether it has disappeared from Zuora
	 */
	public record Product(String zuoraId, String name, @Nullable String sku, Map<String, String> customFields,
			List<RatePlan> ratePlans, boolean removed) {
	}

	/**
	 * A product rate plan.
	 *
	 * @param zuoraId Zuora id
	 * @param name its name
	 * @param status Zuora's status
	 * @param customFields every custom field, as stored
	 * @param charges its charges
	 * @param removed whether it has disappeared from Zuora
	 */
	public record RatePlan(String zuoraId, String name, @Nullable String status, Map<String, String> customFields,
			List<Charge> charges, boolean removed) {
	}

	/**
	 * A rate plan charge.
	 *
	 * @param zuoraId Zuora id
	 * @param name its name
	 * @param chargeType Recurring, OneTime or Usage
	 * @param chargeModel FlatFee, PerUnit, Tiered ...
	 * @param billingPeriod as Zuora names it
	 * @param customFields every custom field, as stored
	 * @param tiers its price tiers
	 * @param removed whether it has disappeared from Zuora
	 */
	public record Charge(String zuoraId, String name, @Nullable String chargeType, @Nullable String chargeModel,
			@Nullable String billingPeriod, Map<String, String> customFields, List<PriceTier> tiers, boolean removed) {
	}

	/**
	 * One price tier of a charge in one currency.
	 *
	 * @param currency ISO currency code
	 * @param tier tier number, from 1
	 * @param startingUnit first unit
	 * @param endingUnit last unit, none for the open-ended tier
	 * @param price its price
	 * @param priceFormat Per Unit or Flat Fee
	 */
	public record PriceTier(String currency, int tier, @Nullable BigDecimal startingUnit,
			@Nullable BigDecimal endingUnit, @Nullable BigDecimal price, @Nullable String priceFormat) {
	}

}

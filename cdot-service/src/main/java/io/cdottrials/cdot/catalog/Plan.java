package io.cdottrials.cdot.catalog;

import java.math.BigDecimal;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One rate plan of the catalog with what CustomersDot needs of it, drawn from the plan,
 * its charges and their tiers.
 *
 * @param id Zuora id of the product rate plan
 * @param name the rate plan's name
 * @param productName name of the product the plan belongs to
 * @param sku the product's SKU, if it has one
 * @param tier the tier of its charges (first charge that names one), if any
 * @param deployments every deployment named by one of its charges
 * @param planTypes every plan type named by one of its charges
 * @param billingPeriod billing period of its recurring charge, as Zuora names it, if any
 * @param listPrice list price per unit and billing period (sum of its recurring charges'
 * first tier, in USD), if priced
 * @param minimumQuantity the least quantity that may be bought (1 unless a tier says
 * otherwise)
 * @param accessible whether CustomersDot shows the plan ({@code CDotAccessible__c})
 * @param removed whether the plan has disappeared from Zuora
 */
public record Plan(String id, String name, String productName, @Nullable String sku, @Nullable Tier tier,
		Set<Deployment> deployments, Set<PlanType> planTypes, @Nullable String billingPeriod,
		@Nullable BigDecimal listPrice, int minimumQuantity, boolean accessible, boolean removed) {

	/**
	 * Whether this is a base plan (a charge of type {@code base_product}) rather than an
	 * add-on.
	 * @return {@code true} for a base plan
	 */
	public boolean basePlan() {
		return this.planTypes.contains(PlanType.BASE_PRODUCT);
	}

	public boolean deployedOn(Deployment deployment) {
		return this.deployments.contains(deployment);
	}

}

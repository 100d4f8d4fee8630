package io.cdottrials.cdot.catalog.internal.snapshot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.cdottrials.cdot.catalog.Deployment;
import io.cdottrials.cdot.catalog.Plan;
import io.cdottrials.cdot.catalog.PlanType;
import io.cdottrials.cdot.catalog.Tier;
import io.cdottrials.cdot.catalog.internal.customfields.CustomFields;
import io.cdottrials.cdot.catalog.internal.snapshot.CatalogRows.ChargeRow;
import io.cdottrials.cdot.catalog.internal.snapshot.CatalogRows.RatePlanRow;
import io.cdottrials.cdot.catalog.internal.snapshot.CatalogRows.TierRow;
import org.jspecify.annotations.Nullable;

/**
 * Draws a {@link Plan} from a rate plan, its charges and their USD tiers, as
 * CustomersDot's {@code Plan} wrapper does. A current plan uses its current charges; a
 * removed plan uses the charges it had.
 */
public final class PlanAssembler {

	private static final BigDecimal MAX_QUANTITY = BigDecimal.valueOf(Integer.MAX_VALUE);

	private PlanAssembler() {
	}

	/**
	 * Assembles one plan.
	 * @param ratePlan the rate plan
	 * @param charges its charges, in Zuora's order
	 * @param usdTiers USD tiers by charge database id
	 * @return the plan value
	 */
	public static Plan assemble(RatePlanRow ratePlan, List<ChargeRow> charges, Map<Long, List<TierRow>> usdTiers) {
		List<ChargeRow> used = charges.stream().filter((charge) -> ratePlan.removed() || !charge.removed()).toList();
		Optional<ChargeRow> recurring = primaryRecurringCharge(used);
		Optional<ChargeRow> primary = used.stream()
			.filter(PlanAssembler::baseProduct)
			.findFirst()
			.or(() -> used.stream().findFirst());
		return new Plan(ratePlan.zuoraId(), ratePlan.name(), ratePlan.productName(), ratePlan.sku(), tier(used),
				deployments(used), planTypes(used), recurring.map(ChargeRow::billingPeriod).orElse(null),
				listPrice(used, usdTiers), minimumQuantity(primary, usdTiers),
				!Boolean.FALSE.equals(ratePlan.customFields().get(CustomFields.ACCESSIBLE.zuoraName())),
				ratePlan.removed());
	}

	private static @Nullable Tier tier(List<ChargeRow> charges) {
		Optional<Tier> ofBaseProduct = charges.stream()
			.filter(PlanAssembler::baseProduct)
			.map(PlanAssembler::tierOf)
			.flatMap(Optional::stream)
			.findFirst();
		return ofBaseProduct.or(() -> charges.stream().map(PlanAssembler::tierOf).flatMap(Optional::stream).findFirst())
			.orElse(null);
	}

	private static Optional<Tier> tierOf(ChargeRow charge) {
		return Optional.ofNullable(charge.field(CustomFields.CHARGE_TIER.zuoraName())).flatMap(Tier::fromZuoraValue);
	}

	private static boolean baseProduct(ChargeRow charge) {
		return PlanType.BASE_PRODUCT.zuoraValue().equals(charge.field(CustomFields.PLAN_TYPE.zuoraName()));
	}

	/** "Not Applicable" names no deployment, so it is left out. */
	private static Set<Deployment> deployments(List<ChargeRow> charges) {
		Set<Deployment> deployments = EnumSet.noneOf(Deployment.class);
		charges.stream()
			.map((charge) -> charge.field(CustomFields.CHARGE_DEPLOYMENT.zuoraName()))
			.filter(Objects::nonNull)
			.map(Deployment::fromZuoraValue)
			.flatMap(Optional::stream)
			.filter((deployment) -> deployment != Deployment.NOT_APPLICABLE)
			.forEach(deployments::add);
		return Set.copyOf(deployments);
	}

	private static Set<PlanType> planTypes(List<ChargeRow> charges) {
		Set<PlanType> types = EnumSet.noneOf(PlanType.class);
		charges.stream()
			.map((charge) -> charge.field(CustomFields.PLAN_TYPE.zuoraName()))
			.filter(Objects::nonNull)
			.map(PlanType::fromZuoraValue)
			.flatMap(Optional::stream)
			.filter((type) -> type != PlanType.NOT_APPLICABLE)
			.forEach(types::add);
		return Set.copyOf(types);
	}

	/** The base product's recurring charge, else the first recurring charge. */
	private static Optional<ChargeRow> primaryRecurringCharge(List<ChargeRow> charges) {
		return charges.stream()
			.filter((charge) -> charge.recurring() && baseProduct(charge))
			.findFirst()
			.or(() -> charges.stream().filter(ChargeRow::recurring).findFirst());
	}

	/**
	 * The recurring charges' first USD tier, summed; a plan without a priced recurring
	 * charge (a one-time pack, a true-up) is priced by its one-time charges instead.
	 */
	private static @Nullable BigDecimal listPrice(List<ChargeRow> charges, Map<Long, List<TierRow>> usdTiers) {
		BigDecimal recurring = sumOfFirstTiers(charges.stream().filter(ChargeRow::recurring).toList(), usdTiers);
		return (recurring != null) ? recurring
				: sumOfFirstTiers(charges.stream().filter(ChargeRow::oneTime).toList(), usdTiers);
	}

	private static @Nullable BigDecimal sumOfFirstTiers(List<ChargeRow> charges, Map<Long, List<TierRow>> usdTiers) {
		return charges.stream()
			.map((charge) -> firstTier(charge, usdTiers).map(TierRow::price))
			.flatMap(Optional::stream)
			.filter(Objects::nonNull)
			.reduce(BigDecimal::add)
			.orElse(null);
	}

	/**
	 * Of the base product charge, else the first charge: the first tier's starting unit
	 * of a tiered or volume charge, else its default quantity, else 1.
	 */
	private static int minimumQuantity(Optional<ChargeRow> charge, Map<Long, List<TierRow>> usdTiers) {
		if (charge.isEmpty()) {
			return 1;
		}
		BigDecimal quantity = charge.get().defaultQuantity();
		List<TierRow> tiers = usdTiers.getOrDefault(charge.get().id(), List.of());
		if (charge.get().tieredModel() || tiers.size() > 1) {
			BigDecimal startingUnit = firstTier(charge.get(), usdTiers).map(TierRow::startingUnit).orElse(null);
			quantity = (startingUnit != null) ? startingUnit : quantity;
		}
		if (quantity == null) {
			return 1;
		}
		return Math.max(1, quantity.setScale(0, RoundingMode.CEILING).min(MAX_QUANTITY).intValue());
	}

	private static Optional<TierRow> firstTier(ChargeRow charge, Map<Long, List<TierRow>> usdTiers) {
		return usdTiers.getOrDefault(charge.id(), List.of()).stream().min(Comparator.comparingInt(TierRow::tier));
	}

}

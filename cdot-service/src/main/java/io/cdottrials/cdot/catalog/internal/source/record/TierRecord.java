package io.cdottrials.cdot.catalog.internal.source.record;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One price tier of a charge in one currency. A charge priced without tiers has one tier
 * holding its price.
 *
 * @param currency ISO currency code
 * @param tier tier number, from 1
 * @param startingUnit first unit of the tier
 * @param endingUnit last unit of the tier, none for the open-ended one
 * @param price price of the tier
 * @param priceFormat {@code Per Unit} or {@code Flat Fee}
 */
public record TierRecord(String currency, int tier, @Nullable BigDecimal startingUnit, @Nullable BigDecimal endingUnit,
		@Nullable BigDecimal price, @Nullable String priceFormat) {

	JsonNode toJson() {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		node.put("currency", this.currency);
		node.put("tier", this.tier);
		node.set("starting_unit", Values.of(this.startingUnit));
		node.set("ending_unit", Values.of(this.endingUnit));
		node.set("price", Values.of(this.price));
		node.set("price_format", Values.of(this.priceFormat));
		return node;
	}

}

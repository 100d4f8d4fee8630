package io.cdottrials.cdot.catalog.internal.customfields;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CustomFieldTests {

	@Test
	void booleansAcceptZuoraStrings() {
		assertThat(CustomFields.ACCESSIBLE.read("True")).contains(true);
		assertThat(CustomFields.ACCESSIBLE.read("false")).contains(false);
		assertThat(CustomFields.ACCESSIBLE.read(true)).contains(true);
	}

	@Test
	void blankAndNullAreAbsent() {
		assertThat(CustomFields.ACCESSIBLE.read(null)).isEmpty();
		assertThat(CustomFields.ACTIONS.read("  ")).isEmpty();
	}

	@Test
	void multiselectSplitsOnCommaAndSemicolon() {
		assertThat(CustomFields.ACTIONS.read("initial_purchase;renew, additional_purchase"))
			.contains(List.of("initial_purchase", "renew", "additional_purchase"));
	}

	@Test
	void valuesOutsideTheTypeAreRejectedWithTheFieldAndValue() {
		assertThatExceptionOfType(CustomField.InvalidValueException.class)
			.isThrownBy(() -> CustomFields.ACCESSIBLE.read("Yes"))
			.withMessageContaining("CDotAccessible__c")
			.withMessageContaining("'Yes'");
		assertThatExceptionOfType(CustomField.InvalidValueException.class)
			.isThrownBy(() -> CustomFields.ACTIONS.read("initial_purchase;resell"))
			.withMessageContaining("resell");
		assertThatExceptionOfType(CustomField.InvalidValueException.class)
			.isThrownBy(() -> CustomFields.CHARGE_TIER.read("Platinum"));
	}

	@Test
	void registryFindsFieldsByLevelAndName() {
		assertThat(CustomFields.find(CustomField.Level.CHARGE, "ChargeTier__c")).contains(CustomFields.CHARGE_TIER);
		assertThat(CustomFields.find(CustomField.Level.RATE_PLAN, "ChargeTier__c")).isEmpty();
		assertThat(CustomFields.at(CustomField.Level.RATE_PLAN)).hasSize(6);
	}

}

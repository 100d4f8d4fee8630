package io.cdottrials.cdot.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which classifier answers a classification: the hard-coded rate plan ids CustomersDot
 * used to keep, or the Zuora custom fields of the catalog. A runtime flag per
 * classification picks one.
 */
public enum ClassificationSource {

	/** Rate plan ids written into the code, as CustomersDot has them today. */
	LEGACY,

	/** JSONB containment queries on the custom fields synced from Zuora. */
	METADATA;

	/**
	 * The name used on the wire and in metrics.
	 * @return {@code legacy} or {@code metadata}
	 */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads a wire name.
	 * @param value {@code legacy} or {@code metadata}, in any case
	 * @return the source, empty for anything else
	 */
	public static Optional<ClassificationSource> fromWireName(String value) {
		return Arrays.stream(values()).filter((source) -> source.wireName().equalsIgnoreCase(value.trim())).findFirst();
	}

}

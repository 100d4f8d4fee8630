package io.cdottrials.cdot.catalog.internal.customfields;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One typed Zuora custom field CustomersDot reads from the catalog. Declared once, in
 * {@link CustomFields}; the sync normalises its values into {@code custom_fields} and
 * reports any value outside its type as a validation finding.
 *
 * @param zuoraName the field's name in Zuora, e.g. {@code CDotActions__c}, also its key
 * in {@code custom_fields}
 * @param level whether the field sits on a rate plan or on a charge
 * @param type how its value is read
 * @param allowedValues the values an enum or multiselect may take (empty for booleans)
 */
public record CustomField(String zuoraName, Level level, Type type, Set<String> allowedValues) {

	public static CustomField booleanField(String zuoraName, Level level) {
		return new CustomField(zuoraName, level, Type.BOOLEAN, Set.of());
	}

	public static CustomField enumField(String zuoraName, Level level, String... values) {
		return new CustomField(zuoraName, level, Type.ENUM, Set.of(values));
	}

	public static CustomField multiselectField(String zuoraName, Level level, String... values) {
		return new CustomField(zuoraName, level, Type.MULTISELECT, Set.of(values));
	}

	/**
	 * Reads a value as Zuora sends it into the normalised value stored in
	 * {@code custom_fields}: a {@link Boolean} for booleans (Zuora may send
	 * {@code "True"}), a {@link List} of strings for multiselects (one string with
	 * {@code ,} or {@code ;} separators), the string itself for enums. {@code null} and
	 * blank strings read as absent.
	 * @param raw the value from Zuora's JSON (a string, boolean, number or null)
	 * @return the normalised value, empty when the field is absent
	 * @throws InvalidValueException when the value is outside the field's type
	 */
	public Optional<Object> read(@Nullable Object raw) {
		if (raw == null || (raw instanceof String text && text.isBlank())) {
			return Optional.empty();
		}
		return Optional.of(switch (this.type) {
			case BOOLEAN -> readBoolean(raw);
			case ENUM -> readEnum(raw);
			case MULTISELECT -> readMultiselect(raw);
		});
	}

	private Boolean readBoolean(Object raw) {
		if (raw instanceof Boolean value) {
			return value;
		}
		String text = raw.toString().trim().toLowerCase(Locale.ROOT);
		return switch (text) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> throw new InvalidValueException(this, raw, "is not a boolean");
		};
	}

	private String readEnum(Object raw) {
		String text = raw.toString().trim();
		if (!this.allowedValues.contains(text)) {
			throw new InvalidValueException(this, raw, "is not one of " + sorted(this.allowedValues));
		}
		return text;
	}

	private List<String> readMultiselect(Object raw) {
		List<String> values = List.of(raw.toString().split("[,;]"))
			.stream()
			.map(String::trim)
			.filter((value) -> !value.isEmpty())
			.distinct()
			.toList();
		List<String> unknown = values.stream().filter((value) -> !this.allowedValues.contains(value)).toList();
		if (!unknown.isEmpty()) {
			throw new InvalidValueException(this, raw,
					"has values " + unknown + " that are not among " + sorted(this.allowedValues));
		}
		return values;
	}

	private static List<String> sorted(Set<String> values) {
		return values.stream().sorted().toList();
	}

	/** Where a custom field sits in Zuora's catalog. */
	public enum Level {

		RATE_PLAN, CHARGE

	}

	/** How a custom field's value is read. */
	public enum Type {

		BOOLEAN, ENUM, MULTISELECT

	}

	/**
	 * A value outside its field's type: a validation finding, never a crash.
	 */
	public static final class InvalidValueException extends RuntimeException {

		private final transient CustomField field;

		private final String value;

		InvalidValueException(CustomField field, Object value, String problem) {
			super(field.zuoraName() + " value '" + value + "' " + problem);
			this.field = field;
			this.value = value.toString();
		}

		public CustomField field() {
			return this.field;
		}

		public String value() {
			return this.value;
		}

	}

}

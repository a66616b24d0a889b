package org.guichet.system;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import org.springframework.validation.FieldError;

/**
 * A Bean Validation failure of the API said with the codes of the services' own checks, so that
 * a refusal reads the same whichever of the two found it: a missing value {@code field.required},
 * a text too long {@code field.too-long} with its longest length, a number out of its bounds
 * {@code field.at-least} / {@code field.at-most} with the bound, an address {@code field.email-invalid},
 * a text of one line with a line break {@code field.one-line}, anything else {@code field.invalid}.
 *
 * @param code the message key
 * @param arguments its arguments
 */
record ConstraintRefusal(String code, Object[] arguments) {

	/** The refusal of one field's failed constraint, read from the constraint's own attributes. */
	static ConstraintRefusal of(FieldError error) {
		Map<String, Object> attributes = error.contains(ConstraintViolation.class)
				? error.unwrap(ConstraintViolation.class).getConstraintDescriptor().getAttributes() : Map.of();
		String constraint = String.valueOf(error.getCode());
		return switch (constraint) {
			case "NotNull", "NotBlank", "NotEmpty" -> new ConstraintRefusal("field.required", new Object[0]);
			case "Size" -> size(error.getRejectedValue(), attributes);
			case "Min", "DecimalMin" -> new ConstraintRefusal("field.at-least", new Object[] { bound(attributes) });
			case "Max", "DecimalMax" -> new ConstraintRefusal("field.at-most", new Object[] { bound(attributes) });
			case "Positive" -> new ConstraintRefusal("field.at-least", new Object[] { 1 });
			case "PositiveOrZero" -> new ConstraintRefusal("field.at-least", new Object[] { 0 });
			case "Email" -> new ConstraintRefusal("field.email-invalid", new Object[0]);
			case "OneLine" -> new ConstraintRefusal(OneLine.CODE, new Object[0]);
			default -> new ConstraintRefusal("field.invalid", new Object[0]);
		};
	}

	/** A Min's or Max's bound (a long), or a DecimalMin's or DecimalMax's (a text): as a number the message groups. */
	private static Number bound(Map<String, Object> attributes) {
		Object value = attributes.get("value");
		return value instanceof Number number ? number : new BigDecimal(String.valueOf(value));
	}

	private static ConstraintRefusal size(Object value, Map<String, Object> attributes) {
		int min = attributes.get("min") instanceof Integer given ? given : 0;
		int max = attributes.get("max") instanceof Integer given ? given : Integer.MAX_VALUE;
		if (value instanceof CharSequence text) {
			return text.length() > max ? new ConstraintRefusal("field.too-long", new Object[] { max })
					: min <= 1 ? new ConstraintRefusal("field.required", new Object[0])
							: new ConstraintRefusal("field.too-short", new Object[] { min });
		}
		return new ConstraintRefusal("field.count", new Object[] { min, max });
	}

}

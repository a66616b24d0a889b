package org.guichet.system;

import java.lang.annotation.Annotation;
import java.util.Comparator;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Checks the Bean Validation constraints of a service's input as refusals of the domain, so that
 * a page and the API, which both hand the input to the same service, refuse the same values with
 * the same message keys: {@code field.required} (NotBlank, NotNull, NotEmpty), {@code field.too-long}
 * with the maximum (Size), {@code field.email-invalid} (Email), {@code field.one-line} (OneLine),
 * {@code field.pattern.<field>} (Pattern: the field says what it accepts), {@code field.invalid}
 * otherwise.
 */
public final class Constraints {

	private Constraints() {
	}

	/**
	 * Adds a refusal to {@code checks} for each constraint {@code input} breaks, by field name.
	 *
	 * @param input a record or bean annotated with jakarta.validation constraints
	 */
	public static void check(Validator validator, Object input, InputChecks checks) {
		validator.validate(input)
			.stream()
			.sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
			.forEach(violation -> checks.check(() -> {
				throw refusal(violation);
			}));
	}

	private static InvalidInputException refusal(ConstraintViolation<?> violation) {
		String field = violation.getPropertyPath().toString();
		Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
		Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
		if (constraint instanceof NotBlank || constraint instanceof NotNull || constraint instanceof NotEmpty) {
			return new InvalidInputException(field, "field.required", "Give " + field);
		}
		if (constraint instanceof Size) {
			return new InvalidInputException(field, "field.too-long", field + ": at most " + attributes.get("max"),
					attributes.get("max"));
		}
		if (constraint instanceof Email) {
			return new InvalidInputException(field, "field.email-invalid", field + ": not an e-mail address");
		}
		if (constraint instanceof OneLine) {
			return OneLine.Check.refusal(field);
		}
		if (constraint instanceof Pattern) {
			return new InvalidInputException(field, "field.pattern." + field, field + ": " + violation.getMessage());
		}
		return new InvalidInputException(field, "field.invalid", field + ": " + violation.getMessage());
	}

}

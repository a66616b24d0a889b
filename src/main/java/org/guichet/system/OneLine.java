package org.guichet.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * A text of one line: a name, a title, a label, an address. It holds no control character, C0
 * ({@code U+0000}–{@code U+001F}: line breaks, tab) or C1 ({@code U+007F}–{@code U+009F}), nor
 * a line or paragraph separator ({@code U+2028}, {@code U+2029}): a line
 * break in a person's name ends up in a mail's header ({@code Bob\r\nBcc: x@y}), a tab in a
 * column. Refused {@code field.one-line} by {@link Constraints} (a service's input) and by
 * the API's bodies, where every text is one line unless {@link MultiLine}. {@code null} is
 * valid: whether a value is required is another constraint's.
 */
@Documented
@Constraint(validatedBy = OneLine.Check.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface OneLine {

	/** The message key, also the API's {@code code}. */
	String CODE = "field.one-line";

	String message() default "must be one line, without line breaks, tabs nor other control characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** The rule itself, for the code that checks a text outside Bean Validation. */
	final class Check implements ConstraintValidator<OneLine, CharSequence> {

		@Override
		public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
			return holds(value);
		}

		/** @return whether {@code text} holds no control character nor line separator; true for null */
		public static boolean holds(@Nullable CharSequence text) {
			return text == null || text.chars().noneMatch(Check::breaksTheLine);
		}

		/**
		 * @return whether {@code c} has no place in one line: a control character (C0, C1) or a line or
		 *         paragraph separator ({@code U+2028}, {@code U+2029}), which JSON strings may hold raw
		 *         and which break a line in a browser and a mail client
		 */
		public static boolean breaksTheLine(int c) {
			return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
		}

		/**
		 * @param field the field's name as the refusal names it
		 * @throws InvalidInputException ({@code field.one-line}) when {@code text} holds a control
		 *         character
		 */
		public static void check(String field, @Nullable CharSequence text) {
			if (!holds(text)) {
				throw refusal(field);
			}
		}

		/** The refusal of a text of {@code field} that is not one line ({@code field.one-line}). */
		public static InvalidInputException refusal(String field) {
			return new InvalidInputException(field, CODE,
					field + " must be one line, without line breaks, tabs nor other control characters");
		}

	}

}

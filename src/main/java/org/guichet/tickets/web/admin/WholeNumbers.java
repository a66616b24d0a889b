package org.guichet.tickets.web.admin;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * Reads a whole number typed in a settings form. The forms keep what was typed as text, so that
 * a value that is not a number comes back in its field, next to its error, rather than blank.
 */
final class WholeNumbers {

	private WholeNumbers() {
	}

	/**
	 * @return the number, or null after rejecting {@code field} with {@code NotNull} (empty) or
	 * {@code typeMismatch} (not a whole number)
	 */
	static @Nullable Integer read(@Nullable String typed, String field, Errors errors) {
		if (typed == null || typed.isBlank()) {
			errors.rejectValue(field, "NotNull");
			return null;
		}
		try {
			return Integer.valueOf(typed.strip());
		}
		catch (NumberFormatException ex) {
			errors.rejectValue(field, "typeMismatch");
			return null;
		}
	}

}

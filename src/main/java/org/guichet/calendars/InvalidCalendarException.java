package org.guichet.calendars;

import java.util.Objects;

import org.guichet.system.InvalidInputException;

/**
 * A calendar, or one of its parts, was refused. Carries the field at fault and a message key
 * for the user interface, with its arguments, besides the English message.
 */
public class InvalidCalendarException extends InvalidInputException {

	private static final long serialVersionUID = 1L;

	public InvalidCalendarException(String field, String messageKey, String message, Object... arguments) {
		super(field, messageKey, message, arguments);
	}

	/** The same refusal about a more precise field, e.g. {@code ranges[2]} instead of {@code ranges}. */
	public InvalidCalendarException at(String preciseField) {
		return new InvalidCalendarException(preciseField, messageKey(), getMessage(), arguments());
	}

	/** The field at fault: {@code ranges}, {@code holidays} or {@code exceptionalOpenings}, or one of their elements. */
	@Override
	public String field() {
		return Objects.requireNonNull(super.field());
	}

}

package org.guichet.calendars;

/**
 * A calendar, or one of its parts, was refused. Carries the field at fault and a message key
 * for the user interface, besides the English message.
 */
public class InvalidCalendarException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String field;

	private final String messageKey;

	public InvalidCalendarException(String field, String messageKey, String message) {
		super(message);
		this.field = field;
		this.messageKey = messageKey;
	}

	/** The field at fault: {@code ranges}, {@code holidays} or {@code exceptionalOpenings}. */
	public String field() {
		return this.field;
	}

	/** The message key, e.g. {@code calendar.invalid.no-working-time}. */
	public String messageKey() {
		return this.messageKey;
	}

}

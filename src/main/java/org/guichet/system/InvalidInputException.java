package org.guichet.system;

/**
 * A field holds a value that cannot be accepted; the message says what to enter instead.
 */
public class InvalidInputException extends DomainException {

	public InvalidInputException(String field, String messageKey, String englishMessage, Object... arguments) {
		super(field, messageKey, englishMessage, arguments);
	}

	@Override
	public int status() {
		return 400;
	}

}

package org.guichet.system;

/**
 * The request does not fit the current state: an illegal transition, a stale version.
 */
public class ConflictException extends DomainException {

	public ConflictException(String messageKey, String englishMessage, Object... arguments) {
		super(null, messageKey, englishMessage, arguments);
	}

	@Override
	public int status() {
		return 409;
	}

}

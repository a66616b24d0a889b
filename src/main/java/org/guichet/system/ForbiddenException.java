package org.guichet.system;

/**
 * The caller sees the object but their role does not allow this operation on it.
 */
public class ForbiddenException extends DomainException {

	public ForbiddenException(String messageKey, String englishMessage, Object... arguments) {
		super(null, messageKey, englishMessage, arguments);
	}

	@Override
	public int status() {
		return 403;
	}

}

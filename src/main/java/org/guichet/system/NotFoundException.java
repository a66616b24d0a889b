package org.guichet.system;

/**
 * Unknown, or not visible to the caller: both read the same, so that nobody learns what exists
 * behind a permission.
 */
public class NotFoundException extends DomainException {

	public NotFoundException(String messageKey, String englishMessage, Object... arguments) {
		super(null, messageKey, englishMessage, arguments);
	}

	@Override
	public int status() {
		return 404;
	}

}

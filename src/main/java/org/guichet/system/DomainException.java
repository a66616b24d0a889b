package org.guichet.system;

import org.jspecify.annotations.Nullable;

/**
 * A refusal the user can act on. The message key points into the {@code errors} bundles, so
 * the same refusal reads in French or English; the English text is kept for logs.
 */
public abstract class DomainException extends RuntimeException {

	private final String messageKey;

	private final @Nullable String field;

	private final Object[] arguments;

	protected DomainException(@Nullable String field, String messageKey, String englishMessage,
			Object... arguments) {
		super(englishMessage);
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return messageKey;
	}

	public @Nullable String field() {
		return field;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

	/** The HTTP status that fits the refusal. */
	public abstract int status();

}

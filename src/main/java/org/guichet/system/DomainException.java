package org.guichet.system;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A refusal the user can act on. The message key points into the {@code errors} bundles, so
 * the same refusal reads in French or English; the English text is kept for logs.
 */
public abstract class DomainException extends RuntimeException {

	private final String messageKey;

	private final @Nullable String field;

	private final Object[] arguments;

	private final Map<String, Object> properties = new LinkedHashMap<>();

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

	/**
	 * The key of the API's wording of this refusal, given {@link #apiArguments()}: the one of
	 * {@link #messageKey()} unless the pages word it for a form the API has not (a stale change:
	 * "your input is kept below").
	 */
	public String apiMessageKey() {
		return messageKey;
	}

	/** The arguments of {@link #apiMessageKey()}. */
	public Object[] apiArguments() {
		return arguments();
	}

	/**
	 * What a client needs to act on the refusal besides the message, e.g. the ticket to link a
	 * new one to; the API adds each as a member of the problem. Empty by default.
	 */
	public Map<String, Object> properties() {
		return Map.copyOf(properties);
	}

	/** Adds a member to {@link #properties()}. */
	protected final void property(String name, Object value) {
		properties.put(name, value);
	}

	/** The HTTP status that fits the refusal. */
	public abstract int status();

}

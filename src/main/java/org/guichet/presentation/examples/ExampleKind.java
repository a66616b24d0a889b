package org.guichet.presentation.examples;

import java.util.Arrays;
import java.util.Locale;

import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** What makes a ticket an example, when the marking agent chooses it (the reason says the rest). */
public enum ExampleKind {

	/** Many steps, people or turns before the solution. */
	COMPLEXITY,

	/** The technical level the solution asked for. */
	TECHNICAL_LEVEL,

	/** What the ticket teaches the team or the requesters. */
	LESSON;

	/**
	 * The kind a form sent: null for none (blank); the name, any case.
	 *
	 * @throws InvalidInputException (field {@code kind}) for another value
	 */
	public static @Nullable ExampleKind parse(@Nullable String kind) {
		if (kind == null || kind.isBlank()) {
			return null;
		}
		try {
			return valueOf(kind.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("kind", "examples.kind.unknown", "kind: \"" + kind
					+ "\" is not a kind of example; give one of " + Arrays.toString(values()) + " or none", kind);
		}
	}

}

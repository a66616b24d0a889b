package org.guichet.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A field holds a value that cannot be accepted; the message says what to enter instead. When
 * several fields of one input were refused together ({@link InputChecks}), this is the first
 * and {@link #others()} the rest, so that a form shows every error at once.
 */
public class InvalidInputException extends DomainException {

	private final List<InvalidInputException> others = new ArrayList<>();

	public InvalidInputException(String field, String messageKey, String englishMessage, Object... arguments) {
		super(field, messageKey, englishMessage, arguments);
	}

	/**
	 * @return {@code value}, when given
	 * @throws InvalidInputException on {@code field} ({@code field.required}) when {@code value} is null
	 */
	public static <T> T required(String field, @Nullable T value) {
		if (value == null) {
			throw new InvalidInputException(field, "field.required", "Give " + field);
		}
		return value;
	}

	/**
	 * @param value a text as given, null when absent
	 * @param max the most characters its column holds
	 * @throws InvalidInputException on {@code field} ({@code field.too-long}, with {@code max}) when
	 *         {@code value} is longer
	 */
	public static void atMost(String field, @Nullable String value, int max) {
		if (value != null && value.length() > max) {
			throw new InvalidInputException(field, "field.too-long", field + ": at most " + max, max);
		}
	}

	/**
	 * @param ids the identifiers given
	 * @param known those of them that exist
	 * @throws InvalidInputException on {@code field} ({@code field.unknown}, with the first unknown
	 *         identifier, also as {@code value}) when an identifier given does not exist
	 */
	public static void known(String field, Collection<?> ids, Collection<?> known) {
		for (Object id : ids) {
			if (!known.contains(id)) {
				InvalidInputException unknown = new InvalidInputException(field, "field.unknown",
						field + ": nothing has the id " + id, id);
				unknown.property("value", id);
				throw unknown;
			}
		}
	}

	/** The other fields refused with this one, in the order checked; empty when none. */
	public List<InvalidInputException> others() {
		return List.copyOf(others);
	}

	/**
	 * This refusal and the others refused with it, each field named under {@code prefix}, for an
	 * entry of a list: {@code within("steps[2].")} turns {@code percent} into {@code steps[2].percent}.
	 */
	public InvalidInputException within(String prefix) {
		InvalidInputException moved = new InvalidInputException(prefix + field(), messageKey(), getMessage(),
				arguments());
		properties().forEach(moved::property);
		others.forEach(other -> moved.others.add(other.within(prefix)));
		return moved;
	}

	void refusedWith(List<InvalidInputException> more) {
		others.addAll(more);
	}

	@Override
	public int status() {
		return 400;
	}

}

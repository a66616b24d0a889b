package org.guichet.replies;

import java.util.List;

import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * A canned reply or a macro that cannot be saved, with every reason at once so that a form
 * shows each next to its field. The exception's own field and message are the first problem's.
 */
public class InvalidDefinitionException extends InvalidInputException {

	private final List<Problem> problems;

	InvalidDefinitionException(List<Problem> problems) {
		super(problems.get(0).field(), problems.get(0).messageKey(), problems.get(0).englishMessage(),
				problems.get(0).arguments().toArray());
		this.problems = List.copyOf(problems);
	}

	/** Every problem, in the order of the form's fields; never empty. */
	public List<Problem> problems() {
		return problems;
	}

	/**
	 * One reason a definition is refused.
	 *
	 * @param field the field at fault, null for the definition as a whole
	 * @param messageKey a key of the {@code errors} bundles
	 * @param arguments the message's arguments
	 */
	public record Problem(@Nullable String field, String messageKey, String englishMessage, List<Object> arguments) {
	}

}

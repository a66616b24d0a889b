package org.guichet.text;

import org.jspecify.annotations.Nullable;

/**
 * Who a {@code @login} written in a text calls in, for {@link RichText} to show the mention with
 * the person's name. Given by the module that knows the people and the rule (who may be called
 * in); the text module asks it only for the logins a text mentions.
 */
@FunctionalInterface
public interface MentionedPeople {

	/**
	 * @param login the login as written after {@code @}, never null
	 * @return the full name of the person this login calls in, or null when it calls nobody (no
	 *     such person, or one who may not be called in)
	 */
	@Nullable String nameOf(String login);

}

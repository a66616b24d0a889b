package org.guichet.mail.templates;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.mail.MailKind;

/**
 * The named placeholders of the mails' texts, such as {@code {ticket}}: which a kind of mail
 * offers, which a text uses, and a text with them replaced. A placeholder is a name of letters
 * between braces; any other brace is text.
 */
public final class MailPlaceholders {

	/** The recipient's full name. */
	public static final String NAME = "name";

	/** The ticket's reference, e.g. {@code #1042}. */
	public static final String TICKET = "ticket";

	/** The ticket's title. */
	public static final String TITLE = "title";

	/** What happened, as the in-app notification says it. */
	public static final String WHAT = "what";

	/** The name of the member of the IT team who replied. */
	public static final String AUTHOR = "author";

	/**
	 * The placeholders of the bundle's texts, in the order of their MessageFormat arguments:
	 * {@code {0}} is the ticket, {@code {1}} its title, {@code {2}} what happened.
	 */
	public static final List<String> BUNDLE_ARGUMENTS = List.of(TICKET, TITLE, WHAT);

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

	private static final Pattern MARKDOWN_PUNCTUATION = Pattern.compile("[!-/:-@\\[-`{-~]");

	private MailPlaceholders() {
	}

	/**
	 * The placeholders a kind's texts may use: the recipient's name, those its default texts
	 * use (so that a kind added to {@link MailKind} offers its own by itself), and the reply's
	 * author for {@link MailKind#PUBLIC_REPLY}.
	 *
	 * @param defaults the kind's default texts, with named placeholders
	 * @return the names, without braces, in a stable order
	 */
	public static List<String> of(MailKind kind, MailTemplate defaults) {
		Set<String> names = new LinkedHashSet<>();
		names.add(NAME);
		Set<String> used = used(defaults.subject() + "\n" + defaults.body());
		BUNDLE_ARGUMENTS.stream().filter(used::contains).forEach(names::add);
		if (kind == MailKind.PUBLIC_REPLY) {
			names.add(AUTHOR);
		}
		return List.copyOf(names);
	}

	/** The placeholder names a text uses, each once, in the order written; never null. */
	public static Set<String> used(String text) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	/** The names a text uses that are not among {@code allowed}, in the order written. */
	public static List<String> unknown(String text, List<String> allowed) {
		List<String> unknown = new ArrayList<>(used(text));
		unknown.removeAll(allowed);
		return unknown;
	}

	/**
	 * The text with each placeholder of {@code values} replaced by its value as it is; a
	 * placeholder without a value stays as written.
	 */
	public static String fill(String text, Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/**
	 * A value to put in Markdown as words only: every ASCII punctuation character escaped with a
	 * backslash (CommonMark), so that a title such as {@code *Urgent* [x](y)} or {@code <img>}
	 * makes neither emphasis, link nor tag, and a reference {@code #1042} at a line's start no heading.
	 */
	public static String markdownWords(String value) {
		return MARKDOWN_PUNCTUATION.matcher(value).replaceAll(match -> Matcher.quoteReplacement("\\" + match.group()));
	}

}

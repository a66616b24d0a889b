package org.guichet.replies;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.guichet.text.MarkdownEscaping;

/**
 * The placeholders of a canned reply or a macro's texts, written {@code {{name}}} (spaces inside
 * the braces allowed): {@code requester.firstName}, {@code requester.fullName},
 * {@code ticket.number}, {@code ticket.title}, {@code agent.firstName}, {@code agent.fullName},
 * {@code group.name}. Anything else between double braces is refused when the text is saved.
 * <p>
 * An expanded value is plain text put into Markdown: its line breaks become spaces and every
 * character that could start Markdown or HTML markup is escaped with a backslash, so that a
 * requester named {@code <script>} or {@code [x](javascript:…)} stays text, whatever renders the
 * Markdown afterwards. A value the ticket does not have (no group yet) expands to nothing.
 */
public final class Placeholders {

	/** The names a text may use, in the order the help lists them. */
	public static final List<String> NAMES = List.of("requester.firstName", "requester.fullName", "ticket.number",
			"ticket.title", "agent.firstName", "agent.fullName", "group.name");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*\\}\\}");

	private Placeholders() {
	}

	/**
	 * The placeholders of the text that are not among {@link #NAMES}, each once, in the order they
	 * appear, as written between the braces; empty when the text may be saved.
	 */
	public static Set<String> unknown(String text) {
		Set<String> unknown = new LinkedHashSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			if (!NAMES.contains(matcher.group(1))) {
				unknown.add(matcher.group(1));
			}
		}
		return unknown;
	}

	/**
	 * The text with each known placeholder replaced by its escaped value ({@link #escape}); a
	 * known name missing from {@code values} (or null there) expands to the empty string, and an
	 * unknown placeholder is left as written.
	 *
	 * @param values value of each placeholder name, as plain text
	 */
	public static String expand(String text, Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder expanded = new StringBuilder(text.length());
		while (matcher.find()) {
			String name = matcher.group(1);
			String replacement = NAMES.contains(name) ? MarkdownEscaping.escape(values.getOrDefault(name, "")) : matcher.group();
			matcher.appendReplacement(expanded, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(expanded);
		return expanded.toString();
	}
}

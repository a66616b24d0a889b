package org.guichet.text;

/** Plain text written into Markdown so that it renders as itself, never as markup. */
public final class MarkdownEscaping {

	/** Characters that make inline Markdown or HTML anywhere in a line. */
	private static final String INLINE_MARKUP = "\\`*_[]<>&~|";

	/**
	 * Characters that make a block (heading, list item, rule, setext underline) at the start of a
	 * line when a space or the same character follows; so do digits followed by {@code .} or
	 * {@code )}, an ordered list item.
	 */
	private static final String LINE_START_MARKUP = "#-+=";

	/**
	 * A plain text value made safe to insert into Markdown: one line, and every character that
	 * could start markup escaped with a backslash (CommonMark renders an escaped punctuation
	 * character as itself).
	 */
	public static String escape(String value) {
		String line = value.replaceAll("[\\r\\n\\t]+", " ").strip();
		StringBuilder escaped = new StringBuilder(line.length() + 8);
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (INLINE_MARKUP.indexOf(c) >= 0 || (i == 0 && startsBlock(line))
					|| ((c == '.' || c == ')') && i > 0 && line.substring(0, i).chars().allMatch(Character::isDigit))) {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}

	/** Whether the line would open a heading, a list item, a rule or a setext underline. */
	private static boolean startsBlock(String line) {
		char first = line.charAt(0);
		if (LINE_START_MARKUP.indexOf(first) < 0) {
			return false;
		}
		return line.length() == 1 || line.charAt(1) == ' ' || line.charAt(1) == first;
	}

	private MarkdownEscaping() {
	}

}

package org.guichet.text;

import org.guichet.system.OneLine;

/**
 * A title made from what came by a channel (a mail's subject, an SMS, a chat's first message, a
 * catalogue form's answers), which is one line whatever was sent: where a typed name or title
 * holding a line break is refused ({@code field.one-line}), a text Guichet makes a title of
 * is cleaned, since nobody can be asked to send it again. Stateless and thread-safe.
 */
public final class Titles {

	private Titles() {
	}

	/**
	 * The text on one line: every run of what {@link OneLine} refuses (control characters, line
	 * breaks and tabs included, line and paragraph separators) and spaces becomes one space,
	 * so do runs of spaces, and the ends are stripped: {@code "Printer\r\n\tdown "} gives
	 * {@code "Printer down"}.
	 *
	 * @param text any text, not null
	 * @return the text without control character, never null; empty when it holds nothing else
	 */
	public static String oneLine(CharSequence text) {
		StringBuilder line = new StringBuilder(text.length());
		boolean gap = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == ' ' || OneLine.Check.breaksTheLine(c)) {
				gap = !line.isEmpty();
			}
			else {
				if (gap) {
					line.append(' ');
					gap = false;
				}
				line.append(c);
			}
		}
		return line.toString();
	}

	/**
	 * The title of a text written freely (an SMS, a chat's first message): its first line holding
	 * something, on one line ({@link #oneLine}), cut after the last word that ends within
	 * {@code near} characters (at a word only when one ends past half of it) and then followed by
	 * {@code …}.
	 *
	 * @param near the longest title before its {@code …}, in characters, at least 2
	 * @return the title, never null; empty when the text holds nothing but spaces and control
	 *         characters
	 */
	public static String firstLine(String text, int near) {
		String line = text.lines().map(Titles::oneLine).filter(l -> !l.isEmpty()).findFirst().orElse("");
		if (line.length() <= near) {
			return line;
		}
		int space = line.lastIndexOf(' ', near);
		return (space > near / 2 ? line.substring(0, space) : line.substring(0, near)) + "…";
	}

}

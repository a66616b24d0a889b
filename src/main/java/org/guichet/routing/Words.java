package org.guichet.routing;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Text reduced to lower-case words without accents, separated by single spaces and framed by
 * one space, so that {@code " vpn "} finds the whole word "VPN" and {@code " mot de passe "}
 * the phrase.
 */
final class Words {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private Words() {
	}

	static String normalised(String text) {
		String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
		StringBuilder out = new StringBuilder(plain.length() + 2).append(' ');
		boolean space = true;
		for (int i = 0; i < plain.length(); i++) {
			char c = plain.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				out.append(Character.toLowerCase(c));
				space = false;
			}
			else if (!space) {
				out.append(' ');
				space = true;
			}
		}
		if (!space) {
			out.append(' ');
		}
		return out.toString();
	}

	/** The same reduction for a single value compared whole, such as a department. */
	static String key(String value) {
		return normalised(value).strip();
	}

}

package org.guichet.routing;

import org.guichet.text.Folding;

/**
 * Text reduced to lower-case words without accents ({@link Folding#fold}: {@code œ} is {@code oe}),
 * separated by single spaces and framed by one space, so that {@code " vpn "} finds the whole word
 * "VPN" and {@code " mot de passe "} the phrase.
 */
final class Words {

	private Words() {
	}

	static String normalised(String text) {
		String plain = Folding.fold(text);
		StringBuilder out = new StringBuilder(plain.length() + 2).append(' ');
		boolean space = true;
		for (int i = 0; i < plain.length(); i++) {
			char c = plain.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				out.append(c);
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

package org.guichet.text;

import java.util.Locale;

/**
 * Punctuation that differs between the languages Guichet writes, for the texts it composes itself
 * (a message bundle writes its own). French puts a no-break space (U+00A0) before a colon, so that
 * the colon never starts a line; English puts none.
 */
public final class Typography {

	private static final String FRENCH_COLON = "\u00a0:";

	private Typography() {
	}

	/**
	 * The colon as the language writes it after a word: {@code " :"} (no-break space) in French,
	 * {@code ":"} otherwise; never followed by a space.
	 */
	public static String colon(Locale language) {
		return Locale.FRENCH.getLanguage().equals(language.getLanguage()) ? FRENCH_COLON : ":";
	}

	/** {@code label: value} as the language writes it ({@code label : value} in French). */
	public static String labelled(String label, String value, Locale language) {
		return label + colon(language) + " " + value;
	}

}

package org.guichet.text;

import java.text.Normalizer;

/**
 * Accent and case folding, the one way Guichet compares words as people type them: routing rules
 * against a ticket's text, recurring titles and locations. Stateless and thread-safe.
 */
public final class Folding {

	private Folding() {
	}

	/**
	 * The text in lower case without accents: canonically decomposed (NFD), every combining mark
	 * dropped ({@code é → e}, {@code Ç → c}), each character lower-cased alone (so {@code İ → i}),
	 * and the ligatures and letters that do not decompose spelt out ({@code œ → oe}, {@code æ → ae},
	 * {@code ß → ss}, in either case). Everything else (digits, punctuation, spaces, letters of
	 * other scripts) is kept. Text made only of ASCII characters is only lower-cased, without
	 * decomposing it, and returned as it is when already in lower case.
	 *
	 * @param text any text, not null
	 * @return the folded text, never null; as long as the text or longer (ligatures), or shorter
	 * (marks)
	 */
	public static String fold(String text) {
		boolean upper = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 128) {
				return foldUnicode(text);
			}
			upper |= c >= 'A' && c <= 'Z';
		}
		if (!upper) {
			return text;
		}
		char[] lower = text.toCharArray();
		for (int i = 0; i < lower.length; i++) {
			if (lower[i] >= 'A' && lower[i] <= 'Z') {
				lower[i] += 'a' - 'A';
			}
		}
		return new String(lower);
	}

	private static String foldUnicode(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		StringBuilder out = new StringBuilder(decomposed.length() + 4);
		for (int i = 0; i < decomposed.length();) {
			int c = decomposed.codePointAt(i);
			i += Character.charCount(c);
			if (isMark(c)) {
				continue;
			}
			int lower = Character.toLowerCase(c);
			switch (lower) {
				case 'œ' -> out.append("oe");
				case 'æ' -> out.append("ae");
				case 'ß' -> out.append("ss");
				default -> out.appendCodePoint(lower);
			}
		}
		return out.toString();
	}

	/**
	 * Whether the character is a combining mark (Unicode categories Mn, Mc and Me: accents,
	 * cedillas, diaereses written apart from their letter), which {@link #fold} drops.
	 */
	public static boolean isMark(int codePoint) {
		int type = Character.getType(codePoint);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
				|| type == Character.ENCLOSING_MARK;
	}

}

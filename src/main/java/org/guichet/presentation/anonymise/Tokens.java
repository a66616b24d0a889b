package org.guichet.presentation.anonymise;

import java.util.ArrayList;
import java.util.List;

import org.guichet.text.Folding;

/**
 * The words of a text, folded ({@link Folding#fold}: no case, no accents), each with where it is
 * written: a word is a run of letters and digits; combining marks typed apart belong to the word
 * before them.
 */
final class Tokens {

	/**
	 * @param folded the word folded
	 * @param start its first character in the text
	 * @param end just after its last character (and its marks)
	 */
	record Token(String folded, int start, int end) {
	}

	private Tokens() {
	}

	static List<Token> of(String text) {
		List<Token> tokens = new ArrayList<>();
		int start = -1;
		for (int i = 0; i <= text.length();) {
			int c = i < text.length() ? text.codePointAt(i) : ' ';
			boolean inWord = Character.isLetterOrDigit(c) || (start >= 0 && Folding.isMark(c));
			if (inWord && start < 0) {
				start = i;
			}
			else if (!inWord && start >= 0) {
				tokens.add(new Token(Folding.fold(text.substring(start, i)), start, i));
				start = -1;
			}
			i += i < text.length() ? Character.charCount(c) : 1;
		}
		return tokens;
	}

	/** The folded words of a name, e.g. ["jean", "pierre"] for "Jean-Pierre". */
	static List<String> words(String name) {
		return of(name).stream().map(Token::folded).toList();
	}

	/**
	 * Whether what stands between two words of a name keeps them one name: white space (a line
	 * break too) with at most one of {@code . _ - ' ’} ("Alice Dupont", "A. Dupont",
	 * "alice.dupont", "Jean-Pierre", "O’Brien").
	 */
	static boolean joinsName(String between) {
		if (between.isEmpty() || between.length() > 4) {
			return false;
		}
		int punctuation = 0;
		for (int i = 0; i < between.length(); i++) {
			char c = between.charAt(i);
			if (".-_'’".indexOf(c) >= 0) {
				punctuation++;
			}
			else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
				return false;
			}
		}
		return punctuation <= 1;
	}

}

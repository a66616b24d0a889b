package org.guichet.assist;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.guichet.text.Folding;

/**
 * The words of a text as the triage classifier reads them, French and English alike: folded
 * (lower case, no accents, through {@link Folding}), split on everything that is neither a letter
 * nor a digit, French elisions dropped ({@code l’imprimante → imprimante}, {@code qu’il → il})
 * and the English possessive too ({@code user’s → user}). Stateless and thread-safe.
 */
final class TextTerms {

	private static final Set<String> ELIDED = Set.of("l", "d", "j", "m", "n", "s", "t", "c", "qu", "lorsqu", "puisqu",
			"jusqu", "quoiqu");

	private TextTerms() {
	}

	/**
	 * The text's words in order, folded, without elisions nor possessives.
	 *
	 * @param text any text, not null
	 * @return the words, possibly none; never null
	 */
	static List<String> words(String text) {
		String folded = Folding.fold(text);
		List<String> words = new ArrayList<>();
		int start = -1;
		for (int i = 0; i <= folded.length(); i++) {
			char c = i < folded.length() ? folded.charAt(i) : ' ';
			if (Character.isLetterOrDigit(c)) {
				if (start < 0) {
					start = i;
				}
				continue;
			}
			if (start >= 0) {
				String word = folded.substring(start, i);
				boolean apostrophe = c == '\'' || c == '’';
				boolean letterFollows = i + 1 < folded.length() && Character.isLetterOrDigit(folded.charAt(i + 1));
				if (apostrophe && letterFollows && ELIDED.contains(word)) {
					start = -1;
					continue;
				}
				if (!(word.equals("s") && !words.isEmpty() && isApostrophe(folded, start - 1))) {
					words.add(word);
				}
				start = -1;
			}
		}
		return words;
	}

	private static boolean isApostrophe(String text, int index) {
		return index >= 0 && (text.charAt(index) == '\'' || text.charAt(index) == '’');
	}

}

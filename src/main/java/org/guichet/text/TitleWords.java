package org.guichet.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;

/**
 * The meaningful words of a ticket's title, in French or English, reduced so that two ways of
 * writing the same thing give the same words:
 * <ol>
 * <li>lower case, accents folded ({@code é → e}, {@code œ → oe}), every character other than a
 * letter or a digit separates words (apostrophes too: {@code l'imprimante → l imprimante});
 * two parts joined by a hyphen, one of at most two letters, are one word ({@code Wi-Fi → wifi},
 * {@code e-mail → email});</li>
 * <li>French and English stop words out, with the words every ticket uses and that say nothing of
 * its subject ({@code problème}, {@code issue}, {@code svp}, {@code urgent}, {@code keeps},
 * {@code encore}…), and single letters;</li>
 * <li>numbers kept only where they mean something in a title: an ordinal or a number of one to
 * three digits (a floor, a room, a printer: {@code 2e}, {@code 2ème}, {@code 2nd},
 * {@code deuxième} and {@code 02} are all {@code 2}); longer numbers (dates, years, phone and
 * ticket numbers) are dropped; a word mixing letters and digits (a model, an error code such as
 * {@code 0x80070005}) is kept as it is;</li>
 * <li>a light stemming of plurals and of the commonest endings ({@code imprimantes → imprimante},
 * {@code bureaux → bureau}, {@code crashes → crash}, {@code bloquée → bloque}, {@code disconnects},
 * {@code disconnecting}, {@code disconnected → disconnect}), the same for both languages since a
 * title does not say its language.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class TitleWords {

	/** A meaningful word: its reduced form, compared, and the word as written (lower case), shown. */
	public record Word(String stem, String written) {
	}

	private static final Set<String> STOP_WORDS = Set.of(
			// English
			"a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "from", "with", "without", "by",
			"into", "about", "as", "if", "then", "than", "is", "are", "was", "were", "be", "been", "being", "am", "it",
			"its", "this", "that", "these", "those", "my", "our", "your", "his", "her", "their", "me", "we", "you",
			"he", "she", "they", "not", "no", "nor", "cannot", "can", "cant", "could", "dont", "doesnt", "didnt",
			"does", "do", "did", "has", "have", "had", "will", "would", "should", "wont", "isnt", "arent", "when",
			"while", "since", "again", "still", "every", "each", "all", "any", "some", "keep", "kept", "always",
			"anymore", "more", "very", "too", "so", "just", "also", "get", "got", "please", "help", "need", "issue",
			"problem", "urgent", "hi", "hello", "dear", "thanks", "regards", "kindly", "there", "here", "via",
			// French (accents folded)
			"le", "la", "les", "un", "une", "des", "du", "de", "au", "aux", "en", "et", "ou", "pour", "par", "sur",
			"sous", "dans", "avec", "sans", "chez", "ce", "cet", "cette", "ces", "ca", "qu", "que", "qui", "quoi",
			"mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos",
			"leur", "leurs", "je", "tu", "il", "elle", "nous", "vous", "ils", "elles", "se", "ne", "pas",
			"plus", "moins", "tres", "trop", "est", "sont", "etait", "ai", "avons", "avez", "ont", "suis", "es",
			"etre", "avoir", "fait", "faire", "encore", "toujours", "chaque", "tous", "tout", "toute", "toutes",
			"depuis", "apres", "avant", "lors", "quand", "alors", "aussi", "bien", "peut", "peux", "probleme",
			"souci", "svp", "merci", "bonjour", "aide", "besoin", "urgence");

	private static final Map<String, String> ORDINAL_WORDS = Map.ofEntries(Map.entry("premier", "1"),
			Map.entry("premiere", "1"), Map.entry("first", "1"), Map.entry("deuxieme", "2"), Map.entry("second", "2"),
			Map.entry("seconde", "2"), Map.entry("third", "3"), Map.entry("troisieme", "3"),
			Map.entry("fourth", "4"), Map.entry("quatrieme", "4"), Map.entry("fifth", "5"),
			Map.entry("cinquieme", "5"));

	private static final Set<String> ORDINAL_SUFFIXES = Set.of("e", "er", "re", "ere", "eme", "ieme", "st", "nd",
			"rd", "th");

	private static final int MAX_NUMBER_DIGITS = 3;

	private TitleWords() {
	}

	/** The reduced forms of the title's meaningful words, each once, in the order first met. */
	public static Set<String> stems(String title) {
		Set<String> stems = new LinkedHashSet<>();
		for (Word word : words(title)) {
			stems.add(word.stem());
		}
		return stems;
	}

	/** The title's meaningful words in their order, repeated as often as written. */
	public static List<Word> words(String title) {
		List<Word> words = new ArrayList<>();
		forEachWritten(title, written -> {
			String stem = reducedForm(written);
			if (stem != null) {
				words.add(new Word(stem, written));
			}
		});
		return words;
	}

	/**
	 * Numbers the meaningful words of many titles from 0, in the order first met, reducing each
	 * distinct word as written once. Not thread-safe: one per computation.
	 */
	static final class Numbering {

		/** The number of each word as written, -1 for a word that says nothing of the subject. */
		private final Map<String, Integer> byWritten = new HashMap<>();

		private final Map<String, Integer> byStem = new HashMap<>();

		/** Gives the sink the number of each of the title's meaningful words in their order, repeated as written. */
		void forEach(String title, IntConsumer sink) {
			forEachWritten(title, written -> {
				Integer number = byWritten.get(written);
				if (number == null) {
					String stem = reducedForm(written);
					number = stem == null ? -1 : byStem.computeIfAbsent(stem, s -> byStem.size());
					byWritten.put(written, number);
				}
				if (number >= 0) {
					sink.accept(number);
				}
			});
		}

		/** How many distinct meaningful words were numbered. */
		int size() {
			return byStem.size();
		}

	}

	/** Gives each word of the title, in lower case as written, to the sink in their order. */
	private static void forEachWritten(String title, Consumer<String> sink) {
		String text = title.toLowerCase(Locale.ROOT);
		int n = text.length();
		int i = 0;
		while (i < n) {
			if (!isWordChar(text.charAt(i))) {
				i++;
				continue;
			}
			int start = i;
			while (i < n && isWordChar(text.charAt(i))) {
				i++;
			}
			int end = joinedEnd(text, start, i);
			sink.accept(end > i ? text.substring(start, i) + text.substring(i + 1, end) : text.substring(start, i));
			i = Math.max(i, end);
		}
	}

	/** The compared form of a word as written, or null when it says nothing of the subject. */
	private static @Nullable String reducedForm(String written) {
		return reduce(Folding.fold(written));
	}

	/**
	 * A value compared whole, such as a location: lower case, accents folded, its letters and
	 * digits in words separated by single spaces; empty when it holds none.
	 */
	public static String key(String value) {
		StringJoiner key = new StringJoiner(" ");
		forEachWritten(Folding.fold(value.toLowerCase(Locale.ROOT)), key::add);
		return key.toString();
	}

	/**
	 * Where the word {@code [start, end)} ends once joined to the next across a hyphen, or
	 * {@code end} when it is not: two parts joined by one hyphen, one of them of at most two
	 * letters, are one word ({@code wi-fi}, {@code e-mail}), but not the parts of a longer compound
	 * ({@code mise-à-jour}).
	 */
	private static int joinedEnd(String text, int start, int end) {
		int n = text.length();
		if (end + 1 < n && text.charAt(end) == '-' && isWordChar(text.charAt(end + 1))
				&& (start == 0 || text.charAt(start - 1) != '-')) {
			int next = end + 1;
			while (next < n && isWordChar(text.charAt(next))) {
				next++;
			}
			boolean twoParts = next == n || text.charAt(next) != '-';
			if (twoParts && isLetters(text, start, end) && isLetters(text, end + 1, next)
					&& (end - start <= 2 || next - end - 1 <= 2)) {
				return next;
			}
		}
		return end;
	}

	private static boolean isWordChar(char c) {
		return Character.isLetterOrDigit(c) || Folding.isMark(c);
	}

	/** The compared form of one folded word, or null when the word says nothing of the subject. */
	private static @Nullable String reduce(String word) {
		if (word.length() < 2 && !isDigits(word)) {
			return null;
		}
		if (STOP_WORDS.contains(word)) {
			return null;
		}
		String ordinal = ORDINAL_WORDS.get(word);
		if (ordinal != null) {
			return ordinal;
		}
		int digits = leadingDigits(word);
		if (digits == word.length()) {
			return digits <= MAX_NUMBER_DIGITS ? stripZeros(word) : null;
		}
		if (digits > 0) {
			return digits <= MAX_NUMBER_DIGITS && ORDINAL_SUFFIXES.contains(word.substring(digits))
					? stripZeros(word.substring(0, digits)) : word;
		}
		if (!isLetters(word)) {
			return word;
		}
		String stem = stem(word);
		return STOP_WORDS.contains(stem) ? null : stem;
	}

	/** Light stemming: plurals, {@code -ing}, {@code -ed} and the French feminine {@code -ée}. */
	private static String stem(String word) {
		String w = word;
		if (w.length() > 4 && w.endsWith("ies")) {
			w = w.substring(0, w.length() - 3) + "y";
		}
		else if (w.length() > 4 && (w.endsWith("shes") || w.endsWith("sses") || w.endsWith("xes"))) {
			w = w.substring(0, w.length() - 2);
		}
		else if (w.length() > 4 && (w.endsWith("eaux") || w.endsWith("eux") || w.endsWith("oux"))) {
			w = w.substring(0, w.length() - 1);
		}
		else if (w.length() > 4 && w.endsWith("aux")) {
			w = w.substring(0, w.length() - 3) + "al";
		}
		else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
			w = w.substring(0, w.length() - 1);
		}
		if (w.length() >= 7 && w.endsWith("ing")) {
			w = w.substring(0, w.length() - 3);
		}
		else if (w.length() >= 6 && w.endsWith("ed") && !w.endsWith("eed")) {
			w = w.substring(0, w.length() - 2);
		}
		else if (w.length() > 4 && w.endsWith("ee")) {
			w = w.substring(0, w.length() - 1);
		}
		return w;
	}

	private static int leadingDigits(String word) {
		int i = 0;
		while (i < word.length() && word.charAt(i) >= '0' && word.charAt(i) <= '9') {
			i++;
		}
		return i;
	}

	private static boolean isDigits(String word) {
		return !word.isEmpty() && leadingDigits(word) == word.length();
	}

	private static boolean isLetters(CharSequence word) {
		return isLetters(word, 0, word.length());
	}

	private static boolean isLetters(CharSequence text, int start, int end) {
		for (int i = start; i < end; i++) {
			if (!Character.isLetter(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static String stripZeros(String digits) {
		int i = 0;
		while (i < digits.length() - 1 && digits.charAt(i) == '0') {
			i++;
		}
		return digits.substring(i);
	}

}

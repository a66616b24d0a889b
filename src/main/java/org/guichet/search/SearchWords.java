package org.guichet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Whether words typed for a search can find anything in particular: the one rule of the global
 * search (API and results page), the navbar's suggestions and the ticket lists' text filter.
 * Words that hold no word (only wildcards, punctuation, common words such as "le" or "the", or
 * single letters) are refused with "type at least one word" rather than searched: a lone
 * {@code *} would list everything, and "aaaaa" (the French stemmer reduces repeated letters to
 * one, "a") every text holding the verb "a".
 * <p>
 * A word is a run of letters and digits that is not a common word and whose French analysis
 * ({@link SearchAnalysis#FRENCH}) keeps two characters or more; a ticket number ({@code 7},
 * {@code #1042}) alone is a search too.
 */
public final class SearchWords {

	/** The message key of the refusal (bundles {@code search}). */
	public static final String NO_WORD = "search.q.no-word";

	private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Pattern NOT_A_WORD_NOR_HYPHEN = Pattern.compile("[^\\p{L}\\p{N}-]+");

	private static final Pattern TICKET_NUMBER = Pattern.compile("#?\\d{1,18}");

	/** A word typed with a leading minus, at the start or after a space: left out ("-imprimante"). */
	private static final Pattern EXCLUDED = Pattern.compile("(?:^|\\s)-([^\\s-]\\S*)");

	/** The common words ({@link #isCommon}), case ignored. */
	static final CharArraySet COMMON = common();

	private static final Analyzer FRENCH = SearchAnalysis.french();

	private static final Analyzer QUERY = SearchAnalysis.frenchAndEnglishQuery();

	private SearchWords() {
	}

	/**
	 * Whether {@code text} holds at least one word, or is a ticket number.
	 *
	 * @param text the words as typed, query syntax included ({@code "a phrase"}, {@code -word},
	 * {@code word*}); null is none
	 */
	public static boolean hasWord(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return false;
		}
		if (TICKET_NUMBER.matcher(text.strip()).matches()) {
			return true;
		}
		return NOT_A_WORD.splitAsStream(text)
			.filter(word -> !word.isEmpty() && !isCommon(word))
			.anyMatch(word -> analysed(word).stream().anyMatch(term -> term.length() >= 2));
	}

	/**
	 * Refuses words that hold no word ({@link #hasWord}).
	 *
	 * @param field the parameter or field the words were typed in, named by the refusal
	 * @throws InvalidInputException ({@value #NO_WORD}) when {@code text} holds no word
	 */
	public static void require(String field, @Nullable String text) {
		if (!hasWord(text)) {
			throw new InvalidInputException(field, NO_WORD,
					"Type at least one word of two letters or more, other than a common word such as the or le");
		}
	}

	/**
	 * The words typed to be left out ({@code -imprimante}), without their minus, in their order;
	 * none when there is none. A hyphen inside a word ({@code wi-fi}) is not one.
	 */
	public static List<String> excluded(String text) {
		List<String> words = new ArrayList<>();
		Matcher matcher = EXCLUDED.matcher(text);
		while (matcher.find()) {
			words.add(matcher.group(1));
		}
		return words;
	}

	/** The text without its words to leave out ({@link #excluded}), stripped, one space between words. */
	public static String included(String text) {
		return EXCLUDED.matcher(text).replaceAll(" ").strip().replaceAll("\\s+", " ");
	}

	/**
	 * The most words of a text a query looks for: each word becomes a clause in every field
	 * searched (twelve for an article and its translation), and Lucene refuses a query of more than
	 * 1,024 clauses. Further words are ignored, as the big web search engines do.
	 */
	public static final int MOST_WORDS = 32;

	/**
	 * The text's first {@value #MOST_WORDS} words separated by white space, query syntax kept
	 * ({@code "a phrase"} cut short stays a phrase); the text itself when it holds no more.
	 */
	public static String atMostWords(String text) {
		String[] words = text.strip().split("\\s+");
		return words.length <= MOST_WORDS ? text : String.join(" ", List.of(words).subList(0, MOST_WORDS));
	}

	/**
	 * The words of a text that may tell a document from another, to look for what is like it: in
	 * their order, each once (case ignored), at most {@value #MOST_WORDS} of them; the common words
	 * of French and English ({@link #isCommon}) are left out, a hyphenated word ({@code Wi-Fi}) is
	 * one word. Without leaving them out, "two words in common" is met by any two of them, and
	 * "Restaurer un fichier d'un partage" suggested how to order toner.
	 *
	 * @return the words as written; none for a blank text or one of common words only
	 */
	public static List<String> significant(String text) {
		Map<String, String> words = new LinkedHashMap<>();
		for (String word : NOT_A_WORD_NOR_HYPHEN.split(text)) {
			if (words.size() == MOST_WORDS) {
				break;
			}
			if (!word.isEmpty() && !isCommon(word)) {
				words.putIfAbsent(word.toLowerCase(Locale.ROOT), word);
			}
		}
		return List.copyOf(words.values());
	}

	/**
	 * Whether a word is one of the common words of French and English ("le", "de", "un", "the",
	 * "on", elided "l" and "d"…), which tell no document from another: Lucene's lists, and a few
	 * words in almost every request ("ça ne marche pas", "it's not working"). Case is ignored,
	 * accents are not.
	 */
	public static boolean isCommon(String word) {
		return COMMON.contains(word.toLowerCase(Locale.ROOT));
	}

	private static CharArraySet common() {
		CharArraySet words = new CharArraySet(FrenchAnalyzer.getDefaultStopSet(), true);
		words.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
		words.addAll(List.of("est", "été", "ça", "i", "my", "me", "we", "you", "your", "our", "can", "t", "s", "do",
				"does", "don", "has", "have", "had", "am", "been", "from"));
		return CharArraySet.unmodifiableSet(words);
	}

	/**
	 * The terms the search makes of a text of either language, as a query's words
	 * ({@link SearchAnalysis#FRENCH_AND_ENGLISH_QUERY}): split, lower case, accents folded,
	 * stemmed, common words dropped ("Les ordinateurs portables" → "ordinateur", "portabl"); for
	 * matching a few short texts in memory (a catalogue's labels) as the index would.
	 *
	 * @return the terms in their order, repeated ones included; none for a blank text
	 */
	public static List<String> terms(String text) {
		return analysed(QUERY, text);
	}

	private static List<String> analysed(String word) {
		return analysed(FRENCH, word);
	}

	private static List<String> analysed(Analyzer analyzer, String word) {
		try (TokenStream stream = analyzer.tokenStream("", word)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			List<String> terms = new ArrayList<>();
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
			return terms;
		}
		catch (IOException e) {
			// a string is read in memory
			throw new UncheckedIOException(e);
		}
	}

}

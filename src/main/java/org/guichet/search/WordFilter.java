package org.guichet.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.core.FlattenGraphFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilterFactory;
import org.apache.lucene.analysis.util.ElisionFilterFactory;

/**
 * One step of Guichet's analysis ({@link SearchAnalysis}), as each backend writes it: the Lucene
 * factory and its parameters for the embedded index, the OpenSearch filter type and its parameters
 * for the shared one ({@link OpenSearchAnalysis}). The analysers are lists of these steps, so both
 * backends read one description and analyse a text into the same terms.
 */
enum WordFilter {

	/** French elided articles dropped, case ignored ("L'écran" → "écran"): Lucene's French articles. */
	ELISION(ElisionFilterFactory.class, Map.of("ignoreCase", "true"), "elision",
			() -> Map.of("articles", words(FrenchAnalyzer.DEFAULT_ARTICLES), "articles_case", true)),

	/** English possessives dropped ("user's" → "user"). */
	ENGLISH_POSSESSIVE(EnglishPossessiveFilterFactory.class, Map.of(), "stemmer",
			() -> Map.of("language", "possessive_english")),

	/**
	 * Split at punctuation and hyphens, a hyphenated word kept whole too ("Wi-Fi" → "Wi", "Fi",
	 * "WiFi"), never at a change of case nor between letters and digits ("ipv6" stays whole).
	 */
	WORD_PARTS(WordDelimiterGraphFilterFactory.class,
			Map.of("generateWordParts", "1", "generateNumberParts", "1", "catenateWords", "1", "splitOnCaseChange", "0",
					"splitOnNumerics", "0", "stemEnglishPossessive", "0"),
			"word_delimiter_graph",
			() -> Map.of("generate_word_parts", true, "generate_number_parts", true, "catenate_words", true,
					"split_on_case_change", false, "split_on_numerics", false, "stem_english_possessive", false)),

	/** The split words' graph flattened for indexing. */
	FLATTEN(FlattenGraphFilterFactory.class, Map.of(), "flatten_graph", Map::of),

	LOWER_CASE(LowerCaseFilterFactory.class, Map.of(), "lowercase", Map::of),

	/** The common words of French and English dropped ({@link SearchWords#isCommon}), before accents are folded. */
	COMMON_WORDS(SearchAnalysis.CommonWordsFilterFactory.class, Map.of(), "stop",
			() -> Map.of("stopwords", words(SearchWords.COMMON), "ignore_case", true)),

	/** Accents folded ("accès" → "acces"). */
	ASCII_FOLDING(ASCIIFoldingFilterFactory.class, Map.of(), "asciifolding", Map::of),

	/** Porter's English stemming. */
	PORTER_STEM(PorterStemFilterFactory.class, Map.of(), "porter_stem", Map::of),

	/** French light stemming ("imprimantes" → "imprimant"). */
	FRENCH_LIGHT_STEM(FrenchLightStemFilterFactory.class, Map.of(), "stemmer",
			() -> Map.of("language", "light_french"));

	private final Class<? extends TokenFilterFactory> luceneFactory;

	private final Map<String, String> luceneParameters;

	private final String openSearchType;

	/** Read when asked: the common words' list is {@link SearchWords}', which builds analysers of these steps. */
	private final Supplier<Map<String, Object>> openSearchParameters;

	WordFilter(Class<? extends TokenFilterFactory> luceneFactory, Map<String, String> luceneParameters,
			String openSearchType, Supplier<Map<String, Object>> openSearchParameters) {
		this.luceneFactory = luceneFactory;
		this.luceneParameters = luceneParameters;
		this.openSearchType = openSearchType;
		this.openSearchParameters = openSearchParameters;
	}

	/** The Lucene factory of this step. */
	Class<? extends TokenFilterFactory> luceneFactory() {
		return luceneFactory;
	}

	/** The Lucene factory's parameters, by the factory's names; none is an empty map. */
	Map<String, String> luceneParameters() {
		return luceneParameters;
	}

	/** The OpenSearch token filter type ({@code "elision"}, {@code "stemmer"}...). */
	String openSearchType() {
		return openSearchType;
	}

	/**
	 * The OpenSearch filter's parameters: each value a {@link String}, a {@link Boolean} or a
	 * {@link List} of strings; none is an empty map (the type is then used as it is).
	 */
	Map<String, Object> openSearchParameters() {
		return openSearchParameters.get();
	}

	/** The name OpenSearch knows this step by in Guichet's indexes: the type itself when it has no parameter. */
	String openSearchName() {
		return openSearchParameters().isEmpty() ? openSearchType : "guichet_" + name().toLowerCase(Locale.ROOT);
	}

	/** The words of a Lucene set, as strings. */
	private static List<String> words(CharArraySet set) {
		List<String> words = new ArrayList<>();
		for (Object word : set) {
			words.add(new String((char[]) word));
		}
		return List.copyOf(words);
	}

}

package org.guichet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.core.WhitespaceTokenizerFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analysers every index of Guichet uses, by name. A text field is indexed twice, once per
 * language ({@link #FRENCH} and {@link #ENGLISH}), and a query asks both: a desk writes in either
 * language and a ticket does not say which. Both fold case and accents ("accès" is found by
 * "acces"); French also drops elided articles ("l'écran" is found by "écran") and strips light
 * inflections ("imprimantes" finds "imprimante"); English drops possessives and stems (Porter).
 * Words are split at spaces, then at punctuation and hyphens, and a hyphenated word is also kept
 * whole: "wifi" finds "wi-fi" and "e-mail" is found by "email" as by "mail".
 * The analysers are described once ({@link #ANALYSERS}, steps of {@link WordFilter}): this class
 * builds them for the embedded Lucene index, {@link OpenSearchAnalysis} for OpenSearch.
 * Registered through {@code hibernate.search.backend.analysis.configurer}; {@link SearchWords}
 * reads typed words through the same French analyser.
 */
public class SearchAnalysis implements LuceneAnalysisConfigurer {

	/** French words: elision, lower case, accents folded, light stemming. */
	public static final String FRENCH = "guichet_fr";

	/** English words: possessives dropped, lower case, accents folded, Porter stemming. */
	public static final String ENGLISH = "guichet_en";

	/**
	 * Words of either language in one field (tickets): French elision and English possessives
	 * dropped, lower case, accents folded, Porter's English stemming then French light stemming.
	 * A word is thus one term whatever the language, where two fields per text doubled what a
	 * query reads; the two stemmers, applied to every word of both languages, reduce more words to
	 * one another than each alone ("lenteur" and "lent"), which a desk's search bears.
	 */
	public static final String FRENCH_AND_ENGLISH = "guichet_fr_en";

	/** The words of a query over {@link #FRENCH} fields: the same, common words dropped. */
	public static final String FRENCH_QUERY = "guichet_fr_query";

	/** The words of a query over {@link #ENGLISH} fields: the same, common words dropped. */
	public static final String ENGLISH_QUERY = "guichet_en_query";

	/**
	 * The words of a query over {@link #FRENCH_AND_ENGLISH} fields: the same, common words dropped.
	 * Texts keep their common words (a phrase still matches them in place), but a query's are not
	 * required: "le toner" finds what "toner" finds.
	 */
	public static final String FRENCH_AND_ENGLISH_QUERY = "guichet_fr_en_query";

	/** A keyword compared or sorted regardless of case and accents (names, labels). */
	public static final String SORTABLE = "guichet_sort";

	private static final List<WordFilter> BOTH_FIRST = List.of(WordFilter.ELISION, WordFilter.ENGLISH_POSSESSIVE);

	private static final List<WordFilter> BOTH_STEMMING = List.of(WordFilter.PORTER_STEM, WordFilter.FRENCH_LIGHT_STEM);

	/** The analysers by name, each the whitespace tokenizer followed by its steps: the one description both backends read. */
	static final Map<String, List<WordFilter>> ANALYSERS = Map.of(
			FRENCH, words(List.of(WordFilter.ELISION), false, List.of(WordFilter.FRENCH_LIGHT_STEM)),
			ENGLISH, words(List.of(WordFilter.ENGLISH_POSSESSIVE), false, List.of(WordFilter.PORTER_STEM)),
			FRENCH_AND_ENGLISH, words(BOTH_FIRST, false, BOTH_STEMMING),
			FRENCH_QUERY, words(List.of(WordFilter.ELISION), true, List.of(WordFilter.FRENCH_LIGHT_STEM)),
			ENGLISH_QUERY, words(List.of(WordFilter.ENGLISH_POSSESSIVE), true, List.of(WordFilter.PORTER_STEM)),
			FRENCH_AND_ENGLISH_QUERY, words(BOTH_FIRST, true, BOTH_STEMMING));

	/** The steps of the normaliser {@link #SORTABLE}, on the whole value. */
	static final List<WordFilter> SORTABLE_FILTERS = List.of(WordFilter.LOWER_CASE, WordFilter.ASCII_FOLDING);

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		// a new instance for each application: Hibernate Search closes its analysers when it stops
		ANALYSERS.keySet().forEach(name -> context.analyzer(name).instance(analyser(name)));
		var normalizer = context.normalizer(SORTABLE).custom();
		SORTABLE_FILTERS.forEach(filter -> normalizer.tokenFilter(filter.luceneFactory()));
	}

	/** A new French analyser ({@link #FRENCH}); the caller closes it. */
	static Analyzer french() {
		return analyser(FRENCH);
	}

	/** A new English analyser ({@link #ENGLISH}); the caller closes it. */
	static Analyzer english() {
		return analyser(ENGLISH);
	}

	/** A new analyser of both languages at once ({@link #FRENCH_AND_ENGLISH}); the caller closes it. */
	static Analyzer frenchAndEnglish() {
		return analyser(FRENCH_AND_ENGLISH);
	}

	/** A new analyser of a query's French words ({@link #FRENCH_QUERY}); the caller closes it. */
	static Analyzer frenchQuery() {
		return analyser(FRENCH_QUERY);
	}

	/** A new analyser of a query's English words ({@link #ENGLISH_QUERY}); the caller closes it. */
	static Analyzer englishQuery() {
		return analyser(ENGLISH_QUERY);
	}

	/** A new analyser of a query's words in both languages ({@link #FRENCH_AND_ENGLISH_QUERY}); the caller closes it. */
	static Analyzer frenchAndEnglishQuery() {
		return analyser(FRENCH_AND_ENGLISH_QUERY);
	}

	/**
	 * The steps after the split at spaces: the filters {@code before} applied to each word (elision
	 * ignoring case); split again at punctuation and hyphens, keeping a hyphenated word whole too,
	 * not at a change of case or between letters and digits ("Wi-Fi" → "Wi", "Fi", "WiFi"; "ipv6"
	 * stays whole); lower case; common words dropped if {@code dropCommon}
	 * ({@link SearchWords#isCommon}, before accents are folded: "été" is common, "ete" not); accents
	 * folded, and stemmed by the {@code stemming} filters in their order.
	 */
	private static List<WordFilter> words(List<WordFilter> before, boolean dropCommon, List<WordFilter> stemming) {
		List<WordFilter> steps = new ArrayList<>(before);
		steps.addAll(List.of(WordFilter.WORD_PARTS, WordFilter.FLATTEN, WordFilter.LOWER_CASE));
		if (dropCommon) {
			steps.add(WordFilter.COMMON_WORDS);
		}
		steps.add(WordFilter.ASCII_FOLDING);
		steps.addAll(stemming);
		return List.copyOf(steps);
	}

	/** A new Lucene analyser of {@link #ANALYSERS}' {@code name}; the caller closes it. */
	private static Analyzer analyser(String name) {
		try {
			CustomAnalyzer.Builder builder = CustomAnalyzer.builder().withTokenizer(WhitespaceTokenizerFactory.class);
			for (WordFilter filter : ANALYSERS.get(name)) {
				// a factory takes its parameters out of the map it is given
				builder.addTokenFilter(filter.luceneFactory(), new HashMap<>(filter.luceneParameters()));
			}
			return builder.build();
		}
		catch (IOException e) {
			// the factories above read no resource
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Drops the common words of French and English ({@link SearchWords#isCommon}); public with a
	 * constructor taking its (no) parameters, as {@link CustomAnalyzer} instantiates a factory.
	 */
	public static final class CommonWordsFilterFactory extends TokenFilterFactory {

		/** The factory; {@code parameters} must be empty, the words being {@link SearchWords}'. */
		public CommonWordsFilterFactory(Map<String, String> parameters) {
			super(parameters);
			if (!parameters.isEmpty()) {
				throw new IllegalArgumentException("Unknown parameters: " + parameters);
			}
		}

		@Override
		public TokenStream create(TokenStream input) {
			return new StopFilter(input, SearchWords.COMMON);
		}

	}

}

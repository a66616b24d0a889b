package org.guichet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.core.FlattenGraphFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.WhitespaceTokenizerFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.fr.FrenchLightStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilterFactory;
import org.apache.lucene.analysis.util.ElisionFilterFactory;
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

	private static final List<Class<? extends TokenFilterFactory>> FRENCH_FIRST = List.of(ElisionFilterFactory.class);

	private static final List<Class<? extends TokenFilterFactory>> ENGLISH_FIRST = List
		.of(EnglishPossessiveFilterFactory.class);

	private static final List<Class<? extends TokenFilterFactory>> BOTH_FIRST = List.of(ElisionFilterFactory.class,
			EnglishPossessiveFilterFactory.class);

	private static final List<Class<? extends TokenFilterFactory>> FRENCH_STEMMING = List
		.of(FrenchLightStemFilterFactory.class);

	private static final List<Class<? extends TokenFilterFactory>> ENGLISH_STEMMING = List
		.of(PorterStemFilterFactory.class);

	private static final List<Class<? extends TokenFilterFactory>> BOTH_STEMMING = List.of(PorterStemFilterFactory.class,
			FrenchLightStemFilterFactory.class);

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		// a new instance for each application: Hibernate Search closes its analysers when it stops
		context.analyzer(FRENCH).instance(french());
		context.analyzer(ENGLISH).instance(english());
		context.analyzer(FRENCH_AND_ENGLISH).instance(frenchAndEnglish());
		context.analyzer(FRENCH_QUERY).instance(frenchQuery());
		context.analyzer(ENGLISH_QUERY).instance(englishQuery());
		context.analyzer(FRENCH_AND_ENGLISH_QUERY).instance(frenchAndEnglishQuery());
		context.normalizer(SORTABLE).custom()
			.tokenFilter(LowerCaseFilterFactory.class)
			.tokenFilter(ASCIIFoldingFilterFactory.class);
	}

	/** A new French analyser ({@link #FRENCH}); the caller closes it. */
	static Analyzer french() {
		return words(FRENCH_FIRST, false, FRENCH_STEMMING);
	}

	/** A new English analyser ({@link #ENGLISH}); the caller closes it. */
	static Analyzer english() {
		return words(ENGLISH_FIRST, false, ENGLISH_STEMMING);
	}

	/** A new analyser of both languages at once ({@link #FRENCH_AND_ENGLISH}); the caller closes it. */
	static Analyzer frenchAndEnglish() {
		return words(BOTH_FIRST, false, BOTH_STEMMING);
	}

	/** A new analyser of a query's French words ({@link #FRENCH_QUERY}); the caller closes it. */
	static Analyzer frenchQuery() {
		return words(FRENCH_FIRST, true, FRENCH_STEMMING);
	}

	/** A new analyser of a query's English words ({@link #ENGLISH_QUERY}); the caller closes it. */
	static Analyzer englishQuery() {
		return words(ENGLISH_FIRST, true, ENGLISH_STEMMING);
	}

	/** A new analyser of a query's words in both languages ({@link #FRENCH_AND_ENGLISH_QUERY}); the caller closes it. */
	static Analyzer frenchAndEnglishQuery() {
		return words(BOTH_FIRST, true, BOTH_STEMMING);
	}

	/**
	 * Words split at spaces; the filters {@code before} applied to each (elision ignoring case);
	 * split again at punctuation and hyphens, keeping a hyphenated word whole too, not at a change
	 * of case or between letters and digits ("Wi-Fi" → "Wi", "Fi", "WiFi"; "ipv6" stays whole);
	 * lower case; common words dropped if {@code dropCommon} ({@link SearchWords#isCommon}, before
	 * accents are folded: "été" is common, "ete" not); accents folded, and stemmed by the
	 * {@code stemming} filters in their order.
	 */
	private static Analyzer words(List<Class<? extends TokenFilterFactory>> before, boolean dropCommon,
			List<Class<? extends TokenFilterFactory>> stemming) {
		try {
			CustomAnalyzer.Builder builder = CustomAnalyzer.builder().withTokenizer(WhitespaceTokenizerFactory.class);
			for (Class<? extends TokenFilterFactory> filter : before) {
				builder.addTokenFilter(filter, filter == ElisionFilterFactory.class
						? new HashMap<>(Map.of("ignoreCase", "true")) : new HashMap<>());
			}
			builder.addTokenFilter(WordDelimiterGraphFilterFactory.class, "generateWordParts", "1", "generateNumberParts",
						"1", "catenateWords", "1", "splitOnCaseChange", "0", "splitOnNumerics", "0",
						"stemEnglishPossessive", "0")
				.addTokenFilter(FlattenGraphFilterFactory.class)
				.addTokenFilter(LowerCaseFilterFactory.class);
			if (dropCommon) {
				builder.addTokenFilter(CommonWordsFilterFactory.class);
			}
			builder.addTokenFilter(ASCIIFoldingFilterFactory.class);
			for (Class<? extends TokenFilterFactory> filter : stemming) {
				builder.addTokenFilter(filter, new HashMap<>());
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

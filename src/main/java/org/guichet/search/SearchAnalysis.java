package org.guichet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
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

	/** A keyword compared or sorted regardless of case and accents (names, labels). */
	public static final String SORTABLE = "guichet_sort";

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		// a new instance for each application: Hibernate Search closes its analysers when it stops
		context.analyzer(FRENCH).instance(french());
		context.analyzer(ENGLISH).instance(english());
		context.normalizer(SORTABLE).custom()
			.tokenFilter(LowerCaseFilterFactory.class)
			.tokenFilter(ASCIIFoldingFilterFactory.class);
	}

	/** A new French analyser ({@link #FRENCH}); the caller closes it. */
	static Analyzer french() {
		return words(ElisionFilterFactory.class, Map.of("ignoreCase", "true"), FrenchLightStemFilterFactory.class);
	}

	/** A new English analyser ({@link #ENGLISH}); the caller closes it. */
	static Analyzer english() {
		return words(EnglishPossessiveFilterFactory.class, Map.of(), PorterStemFilterFactory.class);
	}

	/**
	 * Words split at spaces; {@code before} (with its parameters) applied to each; split again at punctuation and
	 * hyphens, keeping a hyphenated word whole too, not at a change of case or between letters and
	 * digits ("Wi-Fi" → "Wi", "Fi", "WiFi"; "ipv6" stays whole); lower case, accents folded, and
	 * stemmed by {@code stemming}.
	 */
	private static Analyzer words(Class<? extends TokenFilterFactory> before, Map<String, String> parameters,
			Class<? extends TokenFilterFactory> stemming) {
		try {
			return CustomAnalyzer.builder()
				.withTokenizer(WhitespaceTokenizerFactory.class)
				.addTokenFilter(before, new HashMap<>(parameters))
				.addTokenFilter(WordDelimiterGraphFilterFactory.class, "generateWordParts", "1", "generateNumberParts",
						"1", "catenateWords", "1", "splitOnCaseChange", "0", "splitOnNumerics", "0",
						"stemEnglishPossessive", "0")
				.addTokenFilter(FlattenGraphFilterFactory.class)
				.addTokenFilter(LowerCaseFilterFactory.class)
				.addTokenFilter(ASCIIFoldingFilterFactory.class)
				.addTokenFilter(stemming)
				.build();
		}
		catch (IOException e) {
			// the factories above read no resource
			throw new UncheckedIOException(e);
		}
	}

}

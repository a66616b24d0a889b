package org.guichet.search;

import org.apache.lucene.analysis.core.FlattenGraphFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.WhitespaceTokenizerFactory;
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
 * Registered through {@code hibernate.search.backend.analysis.configurer}.
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
		context.analyzer(FRENCH).custom()
			.tokenizer(WhitespaceTokenizerFactory.class)
			.tokenFilter(ElisionFilterFactory.class).param("ignoreCase", "true")
			.tokenFilter(WordDelimiterGraphFilterFactory.class)
				.param("generateWordParts", "1").param("generateNumberParts", "1").param("catenateWords", "1")
				.param("splitOnCaseChange", "0").param("splitOnNumerics", "0").param("stemEnglishPossessive", "0")
			.tokenFilter(FlattenGraphFilterFactory.class)
			.tokenFilter(LowerCaseFilterFactory.class)
			.tokenFilter(ASCIIFoldingFilterFactory.class)
			.tokenFilter(FrenchLightStemFilterFactory.class);
		context.analyzer(ENGLISH).custom()
			.tokenizer(WhitespaceTokenizerFactory.class)
			.tokenFilter(EnglishPossessiveFilterFactory.class)
			.tokenFilter(WordDelimiterGraphFilterFactory.class)
				.param("generateWordParts", "1").param("generateNumberParts", "1").param("catenateWords", "1")
				.param("splitOnCaseChange", "0").param("splitOnNumerics", "0").param("stemEnglishPossessive", "0")
			.tokenFilter(FlattenGraphFilterFactory.class)
			.tokenFilter(LowerCaseFilterFactory.class)
			.tokenFilter(ASCIIFoldingFilterFactory.class)
			.tokenFilter(PorterStemFilterFactory.class);
		context.normalizer(SORTABLE).custom()
			.tokenFilter(LowerCaseFilterFactory.class)
			.tokenFilter(ASCIIFoldingFilterFactory.class);
	}

}

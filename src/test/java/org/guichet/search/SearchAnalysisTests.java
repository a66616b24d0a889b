package org.guichet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The analysis of both languages in one field: each pair of words must be the same terms. */
class SearchAnalysisTests {

	@Test
	void frenchAndEnglishInflectionsAccentsElisionAndPossessivesMakeOneTerm() throws IOException {
		try (Analyzer analyzer = SearchAnalysis.frenchAndEnglish()) {
			for (String[] pair : new String[][] { { "imprimantes", "imprimante" }, { "accès", "acces" },
					{ "l'écran", "écran" }, { "réseaux", "réseau" }, { "bloquée", "bloqué" }, { "laptops", "laptop" },
					{ "batteries", "battery" }, { "boxes", "box" }, { "policies", "policy" }, { "user's", "user" },
					{ "booting", "boot" }, { "Serveurs", "serveur" } }) {
				assertThat(terms(analyzer, pair[0])).as(pair[0] + " and " + pair[1]).isEqualTo(terms(analyzer, pair[1]));
			}
		}
	}

	@Test
	void wordsOfDifferentMeaningStayApart() throws IOException {
		try (Analyzer analyzer = SearchAnalysis.frenchAndEnglish()) {
			assertThat(terms(analyzer, "imprimante")).isNotEqualTo(terms(analyzer, "impression"));
			assertThat(terms(analyzer, "clavier")).isNotEqualTo(terms(analyzer, "clé"));
			assertThat(terms(analyzer, "printer")).isNotEqualTo(terms(analyzer, "password"));
		}
	}

	@Test
	void aHyphenatedWordIsKeptWholeAndInItsParts() throws IOException {
		try (Analyzer analyzer = SearchAnalysis.frenchAndEnglish()) {
			assertThat(terms(analyzer, "Wi-Fi")).containsExactlyInAnyOrder("wifi", "wi", "fi");
		}
	}

	@Test
	void aQueryDropsCommonWordsOfEitherLanguageWhereATextKeepsThem() throws IOException {
		try (Analyzer query = SearchAnalysis.frenchAndEnglishQuery(); Analyzer text = SearchAnalysis.frenchAndEnglish();
				Analyzer french = SearchAnalysis.frenchQuery(); Analyzer english = SearchAnalysis.englishQuery()) {
			assertThat(terms(query, "le toner de l'imprimante OR the printer")).isEqualTo(terms(text, "toner imprimante printer"));
			assertThat(terms(text, "le toner")).hasSize(2);
			assertThat(terms(french, "Les accès à la console")).isEqualTo(terms(french, "accès console"));
			assertThat(terms(english, "The user's access to the console")).isEqualTo(terms(english, "user access console"));
			assertThat(terms(query, "été")).as("a common word accented").isEmpty();
		}
	}

	private static List<String> terms(Analyzer analyzer, String text) throws IOException {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("text", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		return terms;
	}

}

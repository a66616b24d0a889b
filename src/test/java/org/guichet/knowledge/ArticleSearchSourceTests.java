package org.guichet.knowledge;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.guichet.search.SearchWords;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The words of a typed text that suggestions and the agent's panel look for. */
class ArticleSearchSourceTests {

	@Test
	void theCommonWordsOfFrenchAndEnglishAreNotLookedFor() {
		assertThat(ArticleSearchSource.significantWords("Restaurer un fichier d'un partage"))
			.isEqualTo("Restaurer fichier partage");
		assertThat(ArticleSearchSource.significantWords("Je n’arrive pas à me connecter au VPN"))
			.isEqualTo("arrive connecter VPN");
		assertThat(ArticleSearchSource.significantWords("The printer on floor 2 says paper jam"))
			.isEqualTo("printer floor 2 says paper jam");
	}

	@Test
	void hyphenatedWordsAndAccentsAreKeptAndATextOfCommonWordsOnlyIsEmpty() {
		assertThat(ArticleSearchSource.significantWords("Le Wi-Fi ne marche plus, écran noir"))
			.isEqualTo("Wi-Fi marche plus écran noir");
		assertThat(ArticleSearchSource.significantWords("Il est à moi et ça a été à toi, I can’t do it, it is not for you")).isEmpty();
		assertThat(ArticleSearchSource.significantWords("  \n ")).isEmpty();
	}

	@Test
	void aLongTextGivesEachWordOnceAndAtMostThirtyTwoOfThem() {
		assertThat(ArticleSearchSource.significantWords("Printer jam, printer JAM again")).isEqualTo("Printer jam again");
		String longText = IntStream.range(0, 300).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
		assertThat(ArticleSearchSource.significantWords(longText).split(" ")).hasSize(SearchWords.MOST_WORDS);
	}

}

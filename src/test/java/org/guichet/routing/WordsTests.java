package org.guichet.routing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WordsTests {

	@Test
	void reducesTextToFramedLowerCaseWordsWithoutAccents() {
		assertThat(Words.normalised("L'écran du PC-12 ne s'allume plus !")).isEqualTo(" l ecran du pc 12 ne s allume plus ");
		assertThat(Words.normalised("  ")).isEqualTo(" ");
	}

	@Test
	void aRuleWordWithALigatureMatchesTextWrittenEitherWay() {
		assertThat(Words.normalised("Problème de cœur de réseau")).contains(Words.normalised("COEUR de reseau"));
		assertThat(Words.normalised("Probleme de coeur de reseau")).contains(Words.normalised("cœur de réseau"));
	}

	@Test
	void comparesSingleValuesWhole() {
		assertThat(Words.key(" Service Après-Vente ")).isEqualTo("service apres vente").isEqualTo(Words.key("service après vente"));
	}

}

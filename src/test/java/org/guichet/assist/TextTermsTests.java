package org.guichet.assist;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTermsTests {

	@Test
	void foldsCaseAndAccentsAndSplitsOnPunctuation() {
		assertThat(TextTerms.words("Écran NOIR — après la mise à jour (v2.1)!"))
			.containsExactly("ecran", "noir", "apres", "la", "mise", "a", "jour", "v2", "1");
	}

	@Test
	void dropsFrenchElisionsWithEitherApostrophe() {
		assertThat(TextTerms.words("L'imprimante d’accueil qu'il utilise jusqu’à l'étage"))
			.containsExactly("imprimante", "accueil", "il", "utilise", "a", "etage");
	}

	@Test
	void dropsTheEnglishPossessiveButKeepsOtherWords() {
		assertThat(TextTerms.words("The user's laptop isn't starting")).containsExactly("the", "user", "laptop", "isn", "t",
				"starting");
	}

	@Test
	void givesNoWordForTextWithoutLettersOrDigits() {
		assertThat(TextTerms.words(" -- ?! ")).isEmpty();
		assertThat(TextTerms.words("")).isEmpty();
	}

}

package org.guichet.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TitleWordsTests {

	@Test
	void foldsAccentsDropsFrenchStopWordsAndReadsOrdinalsAsNumbers() {
		assertThat(TitleWords.stems("Imprimante du 2e étage bloquée")).containsExactly("imprimante", "2", "etage",
				"bloque");
		assertThat(TitleWords.stems("L'imprimante 2ème étage ne répond plus")).containsExactly("imprimante", "2",
				"etage", "repond");
		assertThat(TitleWords.stems("Imprimante du deuxième étage")).containsExactly("imprimante", "2", "etage");
	}

	@Test
	void stemsEnglishPluralsAndEndingsAndDropsFillerWords() {
		assertThat(TitleWords.stems("VPN disconnects every morning")).containsExactly("vpn", "disconnect", "morn");
		assertThat(TitleWords.stems("VPN keeps disconnecting")).containsExactly("vpn", "disconnect");
		assertThat(TitleWords.stems("VPN disconnected, please help!")).containsExactly("vpn", "disconnect");
		assertThat(TitleWords.stems("Outlook crashes")).containsExactly("outlook", "crash");
	}

	@Test
	void stemsFrenchPluralsAndFeminine() {
		assertThat(TitleWords.stems("Écrans des bureaux bloqués")).containsExactly("ecran", "bureau", "bloque");
		assertThat(TitleWords.stems("Imprimantes bloquées")).containsExactly("imprimante", "bloque");
		assertThat(TitleWords.stems("Réseaux locaux")).containsExactly("reseau", "local");
	}

	@Test
	void keepsShortNumbersAndCodesButDropsDatesAndLongNumbers() {
		assertThat(TitleWords.stems("Salle 204 : projecteur HS depuis le 12/03/2026")).containsExactly("salle", "204",
				"projecteur", "hs", "12", "3");
		assertThat(TitleWords.stems("Erreur 0x80070005 sur Win11")).containsExactly("erreur", "0x80070005", "win11");
		assertThat(TitleWords.stems("Rappeler au 0612345678 pour le ticket 104233")).containsExactly("rappeler", "ticket");
	}

	@Test
	void joinsShortPartsAcrossAHyphen() {
		assertThat(TitleWords.stems("Pas de Wi-Fi en salle de réunion")).containsExactly("wifi", "salle", "reunion");
		assertThat(TitleWords.stems("E-mail refusé")).containsExactly("email", "refuse");
		assertThat(TitleWords.stems("Mise-à-jour impossible")).containsExactly("mise", "jour", "impossible");
	}

	@Test
	void aTitleOfOnlyFillerWordsHasNoWord() {
		assertThat(TitleWords.stems("Problème urgent !!!")).isEmpty();
		assertThat(TitleWords.stems("")).isEmpty();
	}

	@Test
	void keepsWordsAsWrittenForLabels() {
		assertThat(TitleWords.words("Imprimantes bloquées")).extracting(TitleWords.Word::written)
			.containsExactly("imprimantes", "bloquées");
	}

	@Test
	void comparesLocationsWithoutCaseAccentsOrPunctuation() {
		assertThat(TitleWords.key(" Bâtiment A – 2e étage ")).isEqualTo(TitleWords.key("batiment a 2E ETAGE"))
			.isEqualTo("batiment a 2e etage");
	}

}

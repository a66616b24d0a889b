package org.guichet.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FoldingTests {

	@Test
	void foldsFrenchAccentsAndCedillas() {
		assertThat(Folding.fold("été à l'école, garçon, où, naïf, Noël, hôpital, août"))
			.isEqualTo("ete a l'ecole, garcon, ou, naif, noel, hopital, aout");
	}

	@Test
	void spellsOutLigaturesAndSharpSInEitherCase() {
		assertThat(Folding.fold("cœur Œuvre Lætitia ÆRO Straße STRAẞE")).isEqualTo("coeur oeuvre laetitia aero strasse strasse");
	}

	@Test
	void lowerCasesMixedCaseWithAccents() {
		assertThat(Folding.fold("ÉCRAN Bloqué au 2ème ÉTAGE")).isEqualTo("ecran bloque au 2eme etage");
		assertThat(Folding.fold("İstanbul")).isEqualTo("istanbul");
	}

	@Test
	void dropsCombiningMarksTypedApart() {
		assertThat(Folding.fold("e\u0301te\u0301 Mu\u0308ller")).isEqualTo("ete muller");
		assertThat(Folding.isMark('\u0301')).isTrue();
		assertThat(Folding.isMark('e')).isFalse();
	}

	@Test
	void keepsDigitsPunctuationAndOtherScripts() {
		assertThat(Folding.fold("Salle 204 – n° 3 ; Москва")).isEqualTo("salle 204 – n° 3 ; москва");
	}

	@Test
	void returnsLowerCaseAsciiAsItIsAndOnlyLowerCasesOtherAscii() {
		String plain = "vpn keeps disconnecting (0x80070005)";
		assertThat(Folding.fold(plain)).isSameAs(plain);
		assertThat(Folding.fold("VPN Keeps-Disconnecting")).isEqualTo("vpn keeps-disconnecting");
		assertThat(Folding.fold("")).isEmpty();
	}

}

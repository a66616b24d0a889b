package org.guichet.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TitlesTests {

	@Test
	void everyRunOfControlCharactersAndSpacesBecomesOneSpaceAndTheEndsAreStripped() {
		assertThat(Titles.oneLine("\r\n\tPrinter\r\n\tdown \t on\u0000the\u00852nd floor  \n"))
			.isEqualTo("Printer down on the 2nd floor");
		assertThat(Titles.oneLine("Imprimante   du 2e")).isEqualTo("Imprimante du 2e");
	}

	@Test
	void aLineOrParagraphSeparatorBecomesASpaceAsALineBreakDoes() {
		assertThat(Titles.oneLine("Printer\u2028down\u2029 again")).isEqualTo("Printer down again");
	}

	@Test
	void aTextWithoutControlCharacterNorDoubleSpaceIsKeptAsItIs() {
		assertThat(Titles.oneLine("Accès VPN : l’écran reste noir…")).isEqualTo("Accès VPN : l’écran reste noir…");
	}

	@Test
	void aTextOfNothingButSpacesAndControlCharactersGivesAnEmptyLine() {
		assertThat(Titles.oneLine(" \r\n\t\u0001\u009f ")).isEmpty();
		assertThat(Titles.oneLine("")).isEmpty();
	}

	@Test
	void theFirstLineIsTheFirstOneHoldingSomethingOnOneLine() {
		assertThat(Titles.firstLine("\r\n \t\r\n\tPrinter\tdown \r\nIt blinks red.", 80)).isEqualTo("Printer down");
		assertThat(Titles.firstLine("One line", 80)).isEqualTo("One line");
		assertThat(Titles.firstLine(" \r\n\t", 80)).isEmpty();
	}

	@Test
	void aLongFirstLineIsCutAtTheLastWordWithinTheLengthOrWithinItWhenNoWordEndsPastItsHalf() {
		assertThat(Titles.firstLine("word ".repeat(30), 22)).isEqualTo("word word word word…");
		assertThat(Titles.firstLine("a " + "x".repeat(40), 20)).isEqualTo("a " + "x".repeat(18) + "…");
	}

}

package org.guichet.search;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.guichet.system.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchWordsTests {

	@Test
	void wildcardsPunctuationCommonWordsAndSingleLettersHoldNoWord() {
		for (String none : List.of("*", "**", "?*", "\"\" - ( ) | +", "...", "a", "a b c", "aaaaaaaa", "AAAAAAAAAAAA",
				"le la les", "the of and", "l'a", "c’est à moi", "x*", "  ", "")) {
			assertThat(SearchWords.hasWord(none)).as(none).isFalse();
		}
		assertThat(SearchWords.hasWord(null)).isFalse();
	}

	@Test
	void termsAreReadAsTheSearchReadsAQueryInflectionsAccentsAndCommonWordsAside() {
		assertThat(SearchWords.terms("Les ordinateurs PORTABLES de l'accès")).isEqualTo(SearchWords.terms("ordinateur portable acces"));
		assertThat(SearchWords.terms("the laptops")).isEqualTo(SearchWords.terms("laptop"));
		assertThat(SearchWords.terms("le de the")).isEmpty();
		assertThat(SearchWords.terms("  ")).isEmpty();
	}

	@Test
	void aWordOfTwoLettersOrMoreOrATicketNumberIsASearch() {
		for (String some : List.of("imprimante", "the printer", "l'écran", "Wi-Fi", "ok", "ip", "vpn*", "-toner papier",
				"\"mot de passe\"", "#1042", "1042", "7", "#7", "2fa", "aaaa")) {
			assertThat(SearchWords.hasWord(some)).as(some).isTrue();
		}
	}

	@Test
	void wordsWithoutAWordAreRefusedNamingTheField() {
		assertThatThrownBy(() -> SearchWords.require("q", "*"))
			.isInstanceOf(InvalidInputException.class)
			.extracting("field", "messageKey")
			.containsExactly("q", SearchWords.NO_WORD);
		assertThatCode(() -> SearchWords.require("q", "écran noir")).doesNotThrowAnyException();
	}

	@Test
	void aWordTypedWithALeadingMinusIsLeftOutAndAHyphenInsideAWordIsNot() {
		assertThat(SearchWords.excluded("toner -imprimante wi-fi -x")).containsExactly("imprimante", "x");
		assertThat(SearchWords.included("toner -imprimante   wi-fi -x")).isEqualTo("toner wi-fi");
		assertThat(SearchWords.excluded("-imprimante")).containsExactly("imprimante");
		assertThat(SearchWords.included("-imprimante")).isEmpty();
		assertThat(SearchWords.excluded("e-mail - vpn")).isEmpty();
	}

	@Test
	void commonWordsAreThoseOfFrenchAndEnglishWhateverTheirCase() {
		assertThat(List.of("le", "The", "DE", "été", "ça", "my")).allMatch(SearchWords::isCommon);
		assertThat(List.of("imprimante", "printer", "vpn")).noneMatch(SearchWords::isCommon);
	}

	@Test
	void aQueryLooksForItsFirstThirtyTwoWordsAndAShorterTextIsKeptAsTyped() {
		String many = IntStream.range(0, 100).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
		assertThat(SearchWords.atMostWords(many).split(" ")).hasSize(SearchWords.MOST_WORDS).startsWith("w0", "w1");
		assertThat(SearchWords.atMostWords(" \"paper  jam\" -toner ")).isEqualTo(" \"paper  jam\" -toner ");
	}


	@Test
	void theCommonWordsOfFrenchAndEnglishAreNotLookedFor() {
		assertThat(String.join(" ", SearchWords.significant("Restaurer un fichier d'un partage")))
			.isEqualTo("Restaurer fichier partage");
		assertThat(String.join(" ", SearchWords.significant("Je n’arrive pas à me connecter au VPN")))
			.isEqualTo("arrive connecter VPN");
		assertThat(String.join(" ", SearchWords.significant("The printer on floor 2 says paper jam")))
			.isEqualTo("printer floor 2 says paper jam");
	}

	@Test
	void hyphenatedWordsAndAccentsAreKeptAndATextOfCommonWordsOnlyIsEmpty() {
		assertThat(String.join(" ", SearchWords.significant("Le Wi-Fi ne marche plus, écran noir")))
			.isEqualTo("Wi-Fi marche plus écran noir");
		assertThat(String.join(" ", SearchWords.significant("Il est à moi et ça a été à toi, I can’t do it, it is not for you"))).isEmpty();
		assertThat(String.join(" ", SearchWords.significant("  \n "))).isEmpty();
	}

	@Test
	void aLongTextGivesEachWordOnceAndAtMostThirtyTwoOfThem() {
		assertThat(String.join(" ", SearchWords.significant("Printer jam, printer JAM again"))).isEqualTo("Printer jam again");
		String longText = IntStream.range(0, 300).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
		assertThat(String.join(" ", SearchWords.significant(longText)).split(" ")).hasSize(SearchWords.MOST_WORDS);
	}

}

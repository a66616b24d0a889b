package org.guichet.assist;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The likely duplicate's thresholds ({@link SimilarTickets#likelyDuplicate}). */
class LikelyDuplicateTests {

	@Test
	void titlesSharingMostTermsAreLikelyDuplicatesAcrossInflectionsAndCommonWords() {
		// imprimante/imprimantes and bloquée/bloquées meet through the analysis; "du", "l'" are common words
		assertThat(SimilarTickets.titleSimilarity("L'imprimante du 2e étage bloquée", "Imprimantes 2e étage bloquées"))
			.isEqualTo(1.0);
		assertThat(SimilarTickets.likelyDuplicate("VPN keeps disconnecting every morning", "VPN disconnects every morning",
				null)).as("all but one term shared").isTrue();
		assertThat(SimilarTickets.likelyDuplicate("VPN disconnects every morning", "VPN keeps disconnecting", null))
			.as("2 terms of 5").isFalse();
	}

	@Test
	void titlesSharingHalfTheirTermsAreNotWithoutACloseEmbedding() {
		assertThat(SimilarTickets.titleSimilarity("VPN disconnects every morning", "Outlook disconnects every morning"))
			.isEqualTo(0.6);
		assertThat(SimilarTickets.likelyDuplicate("VPN disconnects", "Outlook disconnects", null)).as("1 of 3").isFalse();
		assertThat(SimilarTickets.likelyDuplicate("VPN disconnects", "Outlook disconnects", 0.89)).isFalse();
		assertThat(SimilarTickets.likelyDuplicate("VPN disconnects", "Outlook disconnects", 0.9)).as("inclusive").isTrue();
	}

	@Test
	void aTitleOfCommonWordsOnlyIsLikeNothing() {
		assertThat(SimilarTickets.titleSimilarity("ce n'est pas le", "ce n'est pas le")).isZero();
		assertThat(SimilarTickets.titleSimilarity("", "VPN")).isZero();
	}

}

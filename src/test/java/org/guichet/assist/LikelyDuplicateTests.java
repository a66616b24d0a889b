package org.guichet.assist;

import static org.assertj.core.api.Assertions.assertThat;

import org.guichet.text.TextSimilarity;
import org.guichet.text.TokenSetSimilarity;
import org.junit.jupiter.api.Test;

class LikelyDuplicateTests {

	private final TextSimilarity titles = new TokenSetSimilarity(TokenSetSimilarity.DEFAULT_THRESHOLD);

	@Test
	void titlesTheRecurringIncidentsCallNearIdenticalAreLikelyDuplicatesAcrossInflectionsAndCommonWords() {
		assertThat(SimilarTickets.likelyDuplicate(titles, "L'imprimante du 2e étage bloquée",
				"Imprimantes du deuxième étage bloquées", null)).isTrue();
		assertThat(SimilarTickets.likelyDuplicate(titles, "VPN keeps disconnecting every morning",
				"VPN disconnects every morning", null)).isTrue();
		assertThat(SimilarTickets.likelyDuplicate(titles, "VPN disconnects every morning", "VPN keeps disconnecting",
				null)).as("2 words of 3, as docs/KPIS.md counts them").isTrue();
	}

	@Test
	void titlesSharingHalfTheirWordsAreNotWithoutACloseEmbedding() {
		assertThat(SimilarTickets.likelyDuplicate(titles, "VPN disconnects every morning",
				"Outlook disconnects every morning", null)).as("2 of 4").isFalse();
		assertThat(SimilarTickets.likelyDuplicate(titles, "VPN disconnects", "Outlook disconnects", 0.89)).isFalse();
		assertThat(SimilarTickets.likelyDuplicate(titles, "VPN disconnects", "Outlook disconnects", 0.9))
			.as("inclusive").isTrue();
	}

	@Test
	void aTitleOfCommonWordsOnlyIsLikeNothing() {
		assertThat(SimilarTickets.likelyDuplicate(titles, "ce n'est pas le", "ce n'est pas le", null)).isFalse();
		assertThat(SimilarTickets.likelyDuplicate(titles, "", "VPN", null)).isFalse();
	}

}

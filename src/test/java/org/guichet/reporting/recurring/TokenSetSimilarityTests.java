package org.guichet.reporting.recurring;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TokenSetSimilarityTests {

	private final TokenSetSimilarity similarity = new TokenSetSimilarity(TokenSetSimilarity.DEFAULT_THRESHOLD);

	@Test
	void frenchTitlesOfTheSamePrinterAreSimilar() {
		assertThat(similarity.similarity("Imprimante du 2e étage bloquée", "L'imprimante 2ème étage ne répond plus"))
			.isCloseTo(0.6, within(1e-9));
		assertThat(similarity.similar("Imprimante du 2e étage bloquée", "L'imprimante 2ème étage ne répond plus"))
			.isTrue();
	}

	@Test
	void englishTitlesOfTheSameVpnDropAreSimilar() {
		assertThat(similarity.similarity("VPN disconnects every morning", "VPN keeps disconnecting")).isCloseTo(2.0 / 3,
				within(1e-9));
		assertThat(similarity.similar("VPN disconnects every morning", "VPN keeps disconnecting")).isTrue();
	}

	@Test
	void titlesSharingOnlyTheSymptomAreNotSimilar() {
		assertThat(similarity.similarity("VPN disconnects every morning", "Outlook disconnects every morning"))
			.isCloseTo(0.5, within(1e-9));
		assertThat(similarity.similar("VPN disconnects every morning", "Outlook disconnects every morning")).isFalse();
		assertThat(similarity.similar("Imprimante du 2e étage bloquée", "Écran noir au 3e étage")).isFalse();
	}

	@Test
	void titlesWithoutMeaningfulWordsAreSimilarToNothing() {
		assertThat(similarity.similarity("Problème urgent", "Problème urgent")).isZero();
		assertThat(similarity.groups(List.of("Problème urgent", "Problème urgent"))).containsExactly(0, 1);
	}

	@Test
	void theThresholdIsConfigurable() {
		TokenSetSimilarity loose = new TokenSetSimilarity(0.5);
		assertThat(loose.similar("VPN disconnects every morning", "Outlook disconnects every morning")).isTrue();
		assertThatThrownBy(() -> new TokenSetSimilarity(0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("guichet.kpis.recurring.title-similarity");
		assertThatThrownBy(() -> new TokenSetSimilarity(1.2)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void groupsLinkChainsOfSimilarTitlesAndPointToTheFirstTitleOfEachGroup() {
		List<String> titles = List.of("VPN disconnects every morning", // 0
				"Imprimante du 2e étage bloquée", // 1
				"VPN keeps disconnecting", // 2
				"Outlook disconnects every morning", // 3
				"L'imprimante 2ème étage ne répond plus", // 4
				"vpn DISCONNECTING", // 5
				"Écran noir", // 6
				"L'imprimante du 2e étage ne répond plus du tout"); // 7
		assertThat(similarity.groups(titles)).containsExactly(0, 1, 0, 3, 1, 0, 6, 1);
	}

	@Test
	void groupsGiveTheSameAnswerAsComparingEveryPair() {
		String[] words = { "imprimante", "écran", "vpn", "wifi", "outlook", "bloquée", "lent", "panne", "étage",
				"salle", "réunion", "mot", "passe", "expiré", "connexion", "impossible", "2e", "3e", "morning",
				"disconnects" };
		java.util.Random random = new java.util.Random(7);
		List<String> titles = new java.util.ArrayList<>();
		for (int i = 0; i < 600; i++) {
			StringBuilder title = new StringBuilder();
			int length = 1 + random.nextInt(5);
			for (int w = 0; w < length; w++) {
				title.append(words[random.nextInt(words.length)]).append(' ');
			}
			titles.add(title.toString());
		}
		UnionFind expected = new UnionFind(titles.size());
		for (int i = 0; i < titles.size(); i++) {
			for (int j = i + 1; j < titles.size(); j++) {
				if (similarity.similar(titles.get(i), titles.get(j))) {
					expected.union(i, j);
				}
			}
		}
		int[] groups = similarity.groups(titles);
		for (int i = 0; i < titles.size(); i++) {
			for (int j = i + 1; j < titles.size(); j++) {
				assertThat(groups[i] == groups[j]).as("%s / %s", titles.get(i), titles.get(j))
					.isEqualTo(expected.joined(i, j));
			}
		}
	}

}

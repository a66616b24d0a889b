package org.guichet.text;

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
	void groupsGatherTitlesAroundTheCommonestWordingAndPointToItsFirstTitle() {
		List<String> titles = List.of("VPN disconnects every morning", // 0
				"Imprimante du 2e étage bloquée", // 1
				"VPN keeps disconnecting", // 2
				"Outlook disconnects every morning", // 3
				"L'imprimante 2ème étage ne répond plus", // 4
				"vpn DISCONNECTING", // 5
				"Écran noir", // 6
				"L'imprimante du 2e étage ne répond plus du tout"); // 7
		// {vpn, disconnect} twice leads first, then {imprimante, 2, etage, repond} twice
		assertThat(similarity.groups(titles)).containsExactly(2, 4, 2, 3, 4, 2, 6, 4);
	}

	@Test
	void aTitleSimilarToAMemberButNotToTheRepresentativeDoesNotJoinTheGroup() {
		List<String> titles = List.of("Wifi coupé salle 204", // 0: {wifi, coupe, salle, 204}
				"VPN lent salle 204", // 1: {vpn, lent, salle, 204}, 2 of 6 words with 0
				"Wifi coupé salle 204", // 2
				"VPN lent salle 204", // 3
				"Wifi coupé et VPN lent salle 204"); // 4: 4 of 6 words with 0 and with 1

		int[] groups = similarity.groups(titles);

		assertThat(similarity.similar(titles.get(0), titles.get(4))).isTrue();
		assertThat(similarity.similar(titles.get(4), titles.get(1))).isTrue();
		assertThat(similarity.similar(titles.get(0), titles.get(1))).isFalse();
		// similar to both representatives: the first taken
		assertThat(groups).containsExactly(0, 1, 0, 1, 0);
	}

	@Test
	void groupsGiveTheSameAnswerAsTryingEveryRepresentative() {
		String[] words = { "imprimante", "écran", "vpn", "wifi", "outlook", "bloquée", "lent", "panne", "étage",
				"salle", "réunion", "mot", "passe", "expiré", "connexion", "impossible", "2e", "3e", "morning",
				"disconnects" };
		java.util.Random random = new java.util.Random(7);
		List<String> titles = new java.util.ArrayList<>();
		for (int i = 0; i < 600; i++) {
			StringBuilder title = new StringBuilder();
			int length = 1 + random.nextInt(6);
			for (int w = 0; w < length; w++) {
				title.append(words[random.nextInt(words.length)]).append(' ');
			}
			titles.add(title.toString());
		}

		assertThat(similarity.groups(titles)).containsExactly(everyRepresentativeTried(titles));
	}

	/**
	 * The definition of {@link TokenSetSimilarity#groups}, by brute force: word sets the commonest
	 * first, then the shortest, then the first met; each joins the first representative it is
	 * similar to or becomes one.
	 */
	private int[] everyRepresentativeTried(List<String> titles) {
		java.util.Map<java.util.Set<String>, List<Integer>> bySet = new java.util.LinkedHashMap<>();
		for (int i = 0; i < titles.size(); i++) {
			java.util.Set<String> stems = TitleWords.stems(titles.get(i));
			if (!stems.isEmpty()) {
				bySet.computeIfAbsent(new java.util.HashSet<>(stems), set -> new java.util.ArrayList<>()).add(i);
			}
		}
		List<List<Integer>> sets = new java.util.ArrayList<>(bySet.values());
		sets.sort(java.util.Comparator.<List<Integer>>comparingInt(texts -> -texts.size())
			.thenComparingInt(texts -> TitleWords.stems(titles.get(texts.get(0))).size())
			.thenComparingInt(texts -> texts.get(0)));
		List<Integer> representatives = new java.util.ArrayList<>();
		int[] groups = new int[titles.size()];
		for (int i = 0; i < groups.length; i++) {
			groups[i] = i;
		}
		for (List<Integer> texts : sets) {
			int first = texts.get(0);
			int best = representatives.stream()
				.filter(representative -> similarity.similar(titles.get(first), titles.get(representative)))
				.findFirst()
				.orElse(-1);
			if (best < 0) {
				representatives.add(first);
				best = first;
			}
			for (int text : texts) {
				groups[text] = best;
			}
		}
		return groups;
	}

}

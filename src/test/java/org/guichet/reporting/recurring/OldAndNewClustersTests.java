package org.guichet.reporting.recurring;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Temporary: the faster clustering gives exactly the clusters of the code it replaces (kept as
 * the Old* classes until this test has passed, then removed with them).
 */
class OldAndNewClustersTests {

	private static final String ALPHABET = "aeiouAEIOUbcdfgstvxyzéèêëàâîïôöûüçÉÈÀÇœŒæÆßẞ0123456789  -''’.,!/\u0301\u0308_İıǅΣσ";

	private static final String[] PIECES = { "2e", "2ème", "deuxième", "1er", "1re", "3rd", "02", "004", "12345",
			"wi-fi", "e-mail", "mise-à-jour", "bureaux", "imprimantes", "bloquées", "crashes", "disconnecting",
			"disconnected", "réseaux", "locaux", "problème", "the", "svp", "0x80070005", "Win11", "æb-cde", "œ-a",
			"e\u0301-x", "ies", "flies", "boxes", "needed", "seeing", "stress", "virus", "analysis", "reseaux",
			"cœur", "Straße", "ŒUVRE", "ab-cd-ef", "a-b" };

	@Test
	void newStemsAreTheOldOnes() {
		Random random = new Random(7);
		for (int n = 0; n < 200_000; n++) {
			String title = randomTitle(random);
			assertThat(List.copyOf(TitleWords.stems(title))).as(title)
				.isEqualTo(List.copyOf(OldTitleWords.stems(title)));
			assertThat(TitleWords.words(title).stream().map(w -> w.stem() + "/" + w.written()).toList()).as(title)
				.isEqualTo(OldTitleWords.words(title).stream().map(w -> w.stem() + "/" + w.written()).toList());
			assertThat(TitleWords.key(title)).as(title).isEqualTo(OldTitleWords.key(title));
		}
	}

	@Test
	void newGroupsAreTheOldOnes() {
		Random random = new Random(11);
		for (double threshold : new double[] { 0.6, 0.5, 0.34, 0.8, 1.0 }) {
			TokenSetSimilarity now = new TokenSetSimilarity(threshold);
			OldTokenSetSimilarity before = new OldTokenSetSimilarity(threshold);
			for (int round = 0; round < 40; round++) {
				List<String> titles = new ArrayList<>();
				int size = random.nextInt(3000);
				for (int i = 0; i < size; i++) {
					titles.add(random.nextInt(3) == 0 && !titles.isEmpty() ? titles.get(random.nextInt(titles.size()))
							: smallVocabularyTitle(random));
				}
				assertThat(now.groups(titles)).isEqualTo(before.groups(titles));
				for (int i = 0; i + 1 < titles.size() && i < 200; i++) {
					assertThat(now.similarity(titles.get(i), titles.get(i + 1)))
						.isEqualTo(before.similarity(titles.get(i), titles.get(i + 1)));
				}
			}
		}
	}

	@Test
	void newClustersAreTheOldOnesOnSyntheticIncidents() {
		for (long seed : new long[] { 1, 2, 3 }) {
			List<Incident> incidents = RecurringIncidentsBenchmark.incidents(40_000, new Random(seed));
			for (int minOccurrences : new int[] { 2, 3, 5 }) {
				same(incidents, 0.6, Duration.ofDays(30), minOccurrences);
			}
			same(incidents, 0.5, Duration.ofDays(7), 3);
			same(incidents, 0.75, Duration.ofHours(36), 3);
		}
		same(RecurringIncidentsBenchmark.incidents(300_000, new Random(42)), 0.6, Duration.ofDays(30), 3);
	}

	@Test
	void newClustersAreTheOldOnesOnRealTexts() throws IOException {
		if (RealTicketTexts.available()) {
			same(RealTicketTexts.incidents(RealTicketTexts.FILE), 0.6, Duration.ofDays(30), 3);
		}
	}

	private static void same(List<Incident> incidents, double threshold, Duration window, int minOccurrences) {
		IncidentClusters.Found now = new IncidentClusters(new TokenSetSimilarity(threshold), window).find(incidents,
				minOccurrences, Integer.MAX_VALUE, Integer.MAX_VALUE);
		OldIncidentClusters.Found before = new OldIncidentClusters(new OldTokenSetSimilarity(threshold), window)
			.find(incidents, minOccurrences, Integer.MAX_VALUE, Integer.MAX_VALUE);
		assertThat(now.total()).isEqualTo(before.total());
		assertThat(now.recurringIncidents()).isEqualTo(before.recurringIncidents());
		assertThat(now.clusters()).isEqualTo(before.clusters());
		IncidentClusters.Found limited = new IncidentClusters(new TokenSetSimilarity(threshold), window)
			.find(incidents, minOccurrences, 20, 5);
		assertThat(limited.clusters()).isEqualTo(new OldIncidentClusters(new OldTokenSetSimilarity(threshold), window)
			.find(incidents, minOccurrences, 20, 5)
			.clusters());
	}

	private static String randomTitle(Random random) {
		StringBuilder title = new StringBuilder();
		int parts = random.nextInt(8);
		for (int p = 0; p < parts; p++) {
			if (random.nextBoolean()) {
				title.append(PIECES[random.nextInt(PIECES.length)]);
			}
			else {
				int length = 1 + random.nextInt(6);
				for (int c = 0; c < length; c++) {
					title.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
				}
			}
			title.append(random.nextInt(4) == 0 ? "-" : " ");
		}
		return title.toString();
	}

	private static String smallVocabularyTitle(Random random) {
		StringBuilder title = new StringBuilder();
		int words = random.nextInt(7);
		for (int w = 0; w < words; w++) {
			title.append("w").append(random.nextInt(random.nextBoolean() ? 12 : 60)).append("x ");
		}
		return title.toString();
	}

}

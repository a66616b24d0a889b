package org.guichet.knowledge;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.guichet.knowledge.ArticleDiff.Change;
import org.guichet.knowledge.ArticleDiff.Segment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The word diff between two versions of an article. */
class ArticleDiffTests {

	@Test
	void aChangedWordIsRemovedThenAddedAndTheRestKept() {
		assertThat(ArticleDiff.between("Restart the print spooler.", "Restart the Windows spooler now."))
			.containsExactly(new Segment(Change.KEPT, "Restart the "), new Segment(Change.REMOVED, "print"),
					new Segment(Change.ADDED, "Windows"), new Segment(Change.KEPT, " spooler"),
					new Segment(Change.ADDED, " now"), new Segment(Change.KEPT, "."));
	}

	@Test
	void accentedWordsAndLineBreaksAreWordsOfTheirOwn() {
		List<Segment> diff = ArticleDiff.between("Redémarrer l’imprimante\n", "Redémarrer l’imprimante\n\nPuis réessayer.");
		assertThat(diff.get(0)).isEqualTo(new Segment(Change.KEPT, "Redémarrer l’imprimante"));
		assertThat(diff).extracting(Segment::change).containsExactly(Change.KEPT, Change.REMOVED, Change.ADDED);
		assertThat(ArticleDiff.same(ArticleDiff.between("Même texte", "Même texte"))).isTrue();
	}

	/** Seeded loop: for any two texts, the kept and removed pieces give the old text, the kept and added ones the new. */
	@Test
	void keptAndRemovedRebuildTheOldTextKeptAndAddedTheNewOneForRandomTexts() {
		Random random = new Random(20261201L);
		String[] words = { "imprimante", "écran", "réseau", " ", " ", "\n", ".", ",", "VPN", "mot", "l’accès" };
		for (int round = 0; round < 500; round++) {
			String before = text(random, words);
			String after = random.nextBoolean() ? text(random, words) : mutate(random, before, words);
			List<Segment> diff = ArticleDiff.between(before, after);
			assertThat(join(diff, Change.ADDED)).as("round %d", round).isEqualTo(before);
			assertThat(join(diff, Change.REMOVED)).as("round %d", round).isEqualTo(after);
			for (int i = 1; i < diff.size(); i++) {
				assertThat(diff.get(i).change()).as("neighbours of one change are joined").isNotEqualTo(diff.get(i - 1).change());
			}
		}
	}

	private static String join(List<Segment> diff, Change without) {
		return diff.stream().filter(s -> s.change() != without).map(Segment::text).collect(Collectors.joining());
	}

	private static String text(Random random, String[] words) {
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(30);
		for (int i = 0; i < length; i++) {
			text.append(words[random.nextInt(words.length)]);
		}
		return text.toString();
	}

	private static String mutate(Random random, String text, String[] words) {
		StringBuilder changed = new StringBuilder(text);
		for (int i = 0; i < 3 && changed.length() > 0; i++) {
			int at = random.nextInt(changed.length());
			changed.insert(at, words[random.nextInt(words.length)]);
		}
		return changed.toString();
	}

}

package org.guichet.assist;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RankFusionTests {

	@Test
	void aDocumentSecondInBothRankingsComesBeforeOneFirstInOneOnly() {
		List<RankFusion.Fused> fused = RankFusion.fuse(List.of(List.of(1L, 2L, 3L), List.of(4L, 2L, 5L)));

		assertThat(fused).extracting(RankFusion.Fused::id).containsExactly(2L, 1L, 4L, 3L, 5L);
		assertThat(fused.get(0).score()).isCloseTo(2.0 / (RankFusion.K + 2), within(1e-12));
		assertThat(fused.get(1).score()).isCloseTo(1.0 / (RankFusion.K + 1), within(1e-12));
	}

	@Test
	void oneRankingKeepsItsOrderAndAnEmptyOneChangesNothing() {
		assertThat(RankFusion.fuse(List.of(List.of(7L, 3L, 9L), List.of()))).extracting(RankFusion.Fused::id)
			.containsExactly(7L, 3L, 9L);
		assertThat(RankFusion.fuse(List.of(List.of(), List.of()))).isEmpty();
	}

	@Test
	void onEqualScoresTheFirstRankingsDocumentComesFirstAndARepeatCountsOnce() {
		assertThat(RankFusion.fuse(List.of(List.of(1L, 1L), List.of(2L)))).extracting(RankFusion.Fused::id)
			.containsExactly(1L, 2L);
		assertThat(RankFusion.fuse(List.of(List.of(1L, 1L))).get(0).score()).isCloseTo(1.0 / (RankFusion.K + 1),
				within(1e-12));
	}

	@Test
	void seededRandomRankingsGiveEveryDocumentOnceScoresNotIncreasing() {
		java.util.Random random = new java.util.Random(17);
		for (int round = 0; round < 200; round++) {
			List<Long> first = random.longs(random.nextInt(15), 0, 20).boxed().distinct().toList();
			List<Long> second = random.longs(random.nextInt(15), 0, 20).boxed().distinct().toList();
			List<RankFusion.Fused> fused = RankFusion.fuse(List.of(first, second));
			assertThat(fused).extracting(RankFusion.Fused::id).doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(first.stream(), second.stream()).distinct().toList());
			for (int i = 1; i < fused.size(); i++) {
				assertThat(fused.get(i).score()).isLessThanOrEqualTo(fused.get(i - 1).score());
			}
		}
	}

}

package org.guichet.assist;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class TermWeightsTests {

	private static final TermWeights.Shape WORDS = new TermWeights.Shape(2, 0, 0, 1);

	@Test
	void learnsWordsAndPairsOfWordsAndWeighsRareTermsMore() {
		TermWeights weights = TermWeights.learn(List.of("printer jam", "printer offline", "vpn offline"), WORDS);

		TermWeights.Vector vector = weights.vector("printer jam");

		assertThat(vector.names()).containsExactly("w:jam", "w:printer", "w:printer jam");
		assertThat(vector.values()[0]).isGreaterThan(vector.values()[1]);
	}

	@Test
	void scalesEachVectorToUnitLength() {
		TermWeights weights = TermWeights.learn(List.of("printer printer jam", "vpn offline"), WORDS);

		double[] values = weights.vector("printer printer jam paper").values();

		double sum = 0;
		for (double value : values) {
			sum += value * value;
		}
		assertThat(sum).isCloseTo(1, within(1e-9));
	}

	@Test
	void leavesOutTermsFoundInTooFewTexts() {
		TermWeights weights = TermWeights.learn(List.of("printer jam", "printer offline", "vpn"),
				new TermWeights.Shape(1, 0, 0, 2));

		assertThat(weights.vector("printer jam vpn").names()).containsExactly("w:printer");
		assertThat(weights.vector("scanner").isEmpty()).isTrue();
	}

	@Test
	void cutsCharacterGramsInsideEachPaddedWord() {
		TermWeights weights = TermWeights.learn(List.of("wifi"), new TermWeights.Shape(1, 3, 3, 1));

		assertThat(weights.vector("wifi").names()).containsExactly("c: wi", "c:fi ", "c:ifi", "c:wif", "w:wifi");
		assertThat(weights.vector("wifis").names()).contains("c: wi", "c:wif", "c:ifi").doesNotContain("w:wifi");
	}

	@Test
	void refusesAShapeWithoutWordsOrWithAnInvertedRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TermWeights.Shape(0, 0, 0, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new TermWeights.Shape(1, 5, 3, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new TermWeights.Shape(1, 1, 3, 0));
	}

}

package org.guichet.assist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class ClassifierEvaluationTests {

	private static List<LabelScore> ranking(Object... labelsAndConfidences) {
		List<LabelScore> ranking = new ArrayList<>();
		for (int i = 0; i < labelsAndConfidences.length; i += 2) {
			ranking.add(new LabelScore((String) labelsAndConfidences[i], (Double) labelsAndConfidences[i + 1]));
		}
		return ranking;
	}

	@Test
	void scoresAccuracyMacroF1TopThreeAndAccuracyOfTheMostConfident() {
		List<String> truth = List.of("a", "a", "b", "b", "c", "c", "a", "b", "c", "a");
		List<List<LabelScore>> ranked = List.of(
				ranking("a", 0.9, "b", 0.05, "c", 0.05), // right
				ranking("a", 0.8, "b", 0.1, "c", 0.1), // right
				ranking("b", 0.95, "a", 0.03, "c", 0.02), // right
				ranking("a", 0.4, "b", 0.35, "c", 0.25), // wrong, b second
				ranking("c", 0.85, "a", 0.1, "b", 0.05), // right
				ranking("c", 0.7, "b", 0.2, "a", 0.1), // right
				ranking("a", 0.6, "c", 0.3, "b", 0.1), // right
				ranking("b", 0.75, "a", 0.2, "c", 0.05), // right
				ranking("a", 0.5, "b", 0.3, "c", 0.2), // wrong, c third
				ranking()); // not ranked: wrong

		ClassifierEvaluation.Scores scores = ClassifierEvaluation.score(truth, ranked);

		assertThat(scores.texts()).isEqualTo(10);
		assertThat(scores.accuracy()).isCloseTo(0.7, within(1e-9));
		assertThat(scores.top3()).isCloseTo(0.9, within(1e-9));
		// a: tp 3, fp 2, fn 1 -> 6/9; b: tp 2, fp 0, fn 1 -> 4/5; c: tp 2, fp 0, fn 1 -> 4/5
		assertThat(scores.macroF1()).isCloseTo((6.0 / 9 + 0.8 + 0.8) / 3, within(1e-9));
		// the 7 most confident: 0.95 0.9 0.85 0.8 0.75 0.7 0.6, all right
		assertThat(scores.accuracyAtCoverage()).isCloseTo(1, within(1e-9));
		assertThat(scores.thresholdAtCoverage()).isCloseTo(0.6, within(1e-9));
	}

	@Test
	void countsWrongAnswersAmongTheMostConfidentToo() {
		List<String> truth = List.of("a", "b", "a", "b", "a", "b", "a", "b", "a", "b");
		List<List<LabelScore>> ranked = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			ranked.add(ranking("a", 1 - i / 20.0, "b", i / 20.0));
		}

		ClassifierEvaluation.Scores scores = ClassifierEvaluation.score(truth, ranked);

		assertThat(scores.accuracy()).isCloseTo(0.5, within(1e-9));
		assertThat(scores.accuracyAtCoverage()).isCloseTo(4.0 / 7, within(1e-9));
	}

	@Test
	void refusesRankingsThatDoNotMatchTheLabels() {
		assertThatIllegalArgumentException().isThrownBy(() -> ClassifierEvaluation.score(List.of("a"), List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> ClassifierEvaluation.score(List.of(), List.of()));
	}

	@Test
	void splitsIntoFoldsKeepingEachLabelsShareTheSameWayForTheSameSeed() {
		List<LabelledText> examples = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			examples.add(new LabelledText("text " + i, "a"));
		}
		for (int i = 0; i < 20; i++) {
			examples.add(new LabelledText("other " + i, "b"));
		}

		List<List<LabelledText>> folds = ClassifierEvaluation.stratifiedFolds(examples, 5, 42);

		assertThat(folds).hasSize(5);
		assertThat(folds).allSatisfy(fold -> {
			Map<String, Long> counts = fold.stream().collect(Collectors.groupingBy(LabelledText::label, Collectors.counting()));
			assertThat(counts).containsEntry("a", 10L).containsEntry("b", 4L);
		});
		assertThat(folds.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(examples);
		assertThat(ClassifierEvaluation.stratifiedFolds(examples, 5, 42)).isEqualTo(folds);
		assertThat(ClassifierEvaluation.stratifiedFolds(examples, 5, 7)).isNotEqualTo(folds);
	}

	@Test
	void crossValidatesEveryTextOnceWithAModelThatNeverSawIt() {
		ClassifierEvaluation.Scores scores = ClassifierEvaluation.crossValidate(TriageClassifierTests.DESK, 3, 1,
				new TriageClassifier.Settings(1, 3, 5, 1, 10));

		assertThat(scores.texts()).isEqualTo(TriageClassifierTests.DESK.size());
		// well above chance (1/3), below the perfect score a model scoring its own training texts gets
		assertThat(scores.accuracy()).isGreaterThan(0.6);
		assertThat(ClassifierEvaluation.score(TriageClassifier.train(TriageClassifierTests.DESK,
				new TriageClassifier.Settings(1, 3, 5, 1, 10)), TriageClassifierTests.DESK).accuracy()).isEqualTo(1.0);
	}

	@Test
	void refusesFewerThanTwoFolds() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ClassifierEvaluation.stratifiedFolds(TriageClassifierTests.DESK, 1, 1));
	}

}

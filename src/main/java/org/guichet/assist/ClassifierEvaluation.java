package org.guichet.assist;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * How well a triage classifier does on texts it did not learn from: the scores of one test set,
 * and the stratified k-fold cross-validation of one labelled set. Stateless and thread-safe.
 */
public final class ClassifierEvaluation {

	/** The share of the texts answered for {@link Scores#accuracyAtCoverage()}: the 70 % most confident. */
	public static final double COVERAGE = 0.7;

	/**
	 * The scores of predictions against the labels people gave.
	 *
	 * @param texts how many texts were scored
	 * @param accuracy the share whose likeliest class is right, 0 to 1
	 * @param macroF1 the mean over the classes (those given or predicted) of each class's F1
	 * @param top3 the share whose right class is among the three likeliest
	 * @param accuracyAtCoverage the accuracy over the {@link #COVERAGE} share of texts whose
	 * likeliest class has the highest confidence (the others are left to people)
	 * @param thresholdAtCoverage the least confidence among those answered: the threshold that
	 * answers that share
	 */
	public record Scores(int texts, double accuracy, double macroF1, double top3, double accuracyAtCoverage,
			double thresholdAtCoverage) {

		@Override
		public String toString() {
			return String.format(java.util.Locale.ROOT,
					"texts %d, accuracy %.4f, macro-F1 %.4f, top-3 accuracy %.4f, accuracy at %.0f %% coverage %.4f (confidence >= %.3f)",
					texts, accuracy, macroF1, top3, COVERAGE * 100, accuracyAtCoverage, thresholdAtCoverage);
		}

	}

	private ClassifierEvaluation() {
	}

	/**
	 * Scores a model on texts it did not learn from. A text the model cannot rank (no known term)
	 * counts as wrong, and as the least confident.
	 *
	 * @param model the model
	 * @param test the texts with their right labels, at least one
	 */
	public static Scores score(TriageModel model, List<LabelledText> test) {
		List<String> truth = new ArrayList<>(test.size());
		List<List<LabelScore>> ranked = new ArrayList<>(test.size());
		for (LabelledText example : test) {
			truth.add(example.label());
			ranked.add(model.rank(example.text()));
		}
		return score(truth, ranked);
	}

	/**
	 * Scores rankings against the right labels.
	 *
	 * @param truth each text's right label, at least one
	 * @param ranked each text's classes, best first (possibly none), in the same order
	 */
	public static Scores score(List<String> truth, List<List<LabelScore>> ranked) {
		if (truth.isEmpty() || truth.size() != ranked.size()) {
			throw new IllegalArgumentException("Scoring needs one ranking per label, at least one: " + truth.size()
					+ " labels, " + ranked.size() + " rankings");
		}
		int n = truth.size();
		int right = 0;
		int top3 = 0;
		Map<String, int[]> counts = new HashMap<>();
		List<double[]> confidenceAndHit = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			String label = truth.get(i);
			List<LabelScore> ranking = ranked.get(i);
			String predicted = ranking.isEmpty() ? null : ranking.get(0).label();
			boolean hit = label.equals(predicted);
			right += hit ? 1 : 0;
			top3 += ranking.stream().limit(3).anyMatch(score -> score.label().equals(label)) ? 1 : 0;
			// per label: true positives, false positives, false negatives
			counts.computeIfAbsent(label, k -> new int[3]);
			if (hit) {
				counts.get(label)[0]++;
			}
			else {
				counts.get(label)[2]++;
				if (predicted != null) {
					counts.computeIfAbsent(predicted, k -> new int[3])[1]++;
				}
			}
			confidenceAndHit.add(new double[] { ranking.isEmpty() ? -1 : ranking.get(0).confidence(), hit ? 1 : 0 });
		}
		double f1Sum = 0;
		for (int[] c : counts.values()) {
			f1Sum += c[0] == 0 ? 0 : 2.0 * c[0] / (2.0 * c[0] + c[1] + c[2]);
		}
		confidenceAndHit.sort(Comparator.comparingDouble((double[] pair) -> pair[0]).reversed());
		int answered = Math.max(1, (int) Math.ceil(COVERAGE * n));
		int answeredRight = 0;
		for (int i = 0; i < answered; i++) {
			answeredRight += (int) confidenceAndHit.get(i)[1];
		}
		return new Scores(n, (double) right / n, f1Sum / counts.size(), (double) top3 / n, (double) answeredRight / answered,
				confidenceAndHit.get(answered - 1)[0]);
	}

	/**
	 * Splits the texts into folds keeping each label's share in every fold: each label's texts are
	 * shuffled with the seed, then dealt to the folds in turn.
	 *
	 * @param examples the texts
	 * @param folds how many folds, at least 2
	 * @param seed the shuffle's seed: the same seed gives the same folds
	 * @return the folds, each in the order of the input
	 */
	public static List<List<LabelledText>> stratifiedFolds(List<LabelledText> examples, int folds, long seed) {
		if (folds < 2) {
			throw new IllegalArgumentException("Cross-validation needs at least 2 folds, not " + folds);
		}
		Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
		for (int i = 0; i < examples.size(); i++) {
			byLabel.computeIfAbsent(examples.get(i).label(), k -> new ArrayList<>()).add(i);
		}
		Random random = new Random(seed);
		int[] foldOf = new int[examples.size()];
		int next = 0;
		for (String label : new TreeSet<>(byLabel.keySet())) {
			List<Integer> indices = byLabel.get(label);
			Collections.shuffle(indices, random);
			for (int index : indices) {
				foldOf[index] = next;
				next = (next + 1) % folds;
			}
		}
		List<List<LabelledText>> result = new ArrayList<>(folds);
		for (int f = 0; f < folds; f++) {
			result.add(new ArrayList<>());
		}
		for (int i = 0; i < examples.size(); i++) {
			result.get(foldOf[i]).add(examples.get(i));
		}
		return result;
	}

	/**
	 * Stratified k-fold cross-validation: each fold is scored by a model trained on the others, and
	 * the scores are those of all the folds' predictions together.
	 *
	 * @param examples the labelled texts, at least {@code folds} of each label for a fair split
	 * @param folds how many folds, at least 2
	 * @param seed the folds' seed
	 * @param settings the training settings
	 */
	public static Scores crossValidate(List<LabelledText> examples, int folds, long seed,
			TriageClassifier.Settings settings) {
		Predictions predictions = crossValidatedPredictions(examples, folds, seed, settings);
		return score(predictions.truth(), predictions.ranked());
	}

	/**
	 * Each text's right label and its ranking by a model that did not learn from it.
	 *
	 * @param truth the right labels
	 * @param ranked the rankings, best first, in the same order
	 */
	public record Predictions(List<String> truth, List<List<LabelScore>> ranked) {
	}

	/**
	 * The predictions of a stratified k-fold cross-validation ({@link #crossValidate}), in the
	 * order of the folds, to score them or to combine them with another model's.
	 */
	public static Predictions crossValidatedPredictions(List<LabelledText> examples, int folds, long seed,
			TriageClassifier.Settings settings) {
		List<List<LabelledText>> split = stratifiedFolds(examples, folds, seed);
		List<String> truth = new ArrayList<>(examples.size());
		List<List<LabelScore>> ranked = new ArrayList<>(examples.size());
		for (int f = 0; f < folds; f++) {
			List<LabelledText> training = new ArrayList<>(examples.size());
			for (int other = 0; other < folds; other++) {
				if (other != f) {
					training.addAll(split.get(other));
				}
			}
			TriageModel model = TriageClassifier.train(training, settings);
			for (LabelledText example : split.get(f)) {
				truth.add(example.label());
				ranked.add(model.rank(example.text()));
			}
		}
		return new Predictions(truth, ranked);
	}

}

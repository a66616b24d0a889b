package org.guichet.assist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.liblinear.LinearClassificationType.LinearType;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains triage classifiers: L2-regularised logistic regression (Tribuo's LibLinear, one class
 * against the rest, probabilities normalised) over TF-IDF word and character n-grams of
 * {@link TextTerms}' words, so that French and English go through the same pipeline.
 * Stateless and thread-safe.
 */
public final class TriageClassifier {

	/**
	 * What a training uses.
	 *
	 * @param maxWordGram the longest word n-gram (1: single words), at least 1
	 * @param minCharGram the shortest character n-gram inside a word
	 * @param maxCharGram the longest character n-gram inside a word; 0 for none
	 * @param minDocuments the fewest training texts a term must be in to be learnt, at least 1
	 * @param cost the inverse of the regularisation strength (LibLinear's C), above 0
	 * @param balanced whether each label weighs inversely to its share of the training texts
	 * ({@code n / (labels × n_label)}), so that a rare label counts as much as a frequent one
	 */
	public record Settings(int maxWordGram, int minCharGram, int maxCharGram, int minDocuments, double cost,
			boolean balanced) {

		/** The settings of Guichet's triage suggestions (docs/ASSIST.md says how they were chosen). */
		public static final Settings DEFAULT = new Settings(2, 3, 0, 2, 10, true);

		/** Refuses settings out of the ranges above. */
		public Settings {
			if (!(cost > 0)) {
				throw new IllegalArgumentException("The cost is above 0, not " + cost);
			}
			shape(maxWordGram, minCharGram, maxCharGram, minDocuments);
		}

		/** The settings with each label weighing alike ({@code balanced} false). */
		public Settings(int maxWordGram, int minCharGram, int maxCharGram, int minDocuments, double cost) {
			this(maxWordGram, minCharGram, maxCharGram, minDocuments, cost, false);
		}

		TermWeights.Shape shape() {
			return shape(maxWordGram, minCharGram, maxCharGram, minDocuments);
		}

		private static TermWeights.Shape shape(int maxWordGram, int minCharGram, int maxCharGram, int minDocuments) {
			return new TermWeights.Shape(maxWordGram, minCharGram, maxCharGram, minDocuments);
		}

	}

	private TriageClassifier() {
	}

	/**
	 * Learns a model from the texts.
	 *
	 * @param examples the labelled texts, at least two labels among them
	 * @param settings how to learn
	 * @return the model
	 * @throws IllegalArgumentException with fewer than two labels, or when no text holds a term
	 * found often enough to be learnt
	 */
	public static TriageModel train(List<LabelledText> examples, Settings settings) {
		Set<String> labels = new LinkedHashSet<>();
		examples.forEach(example -> labels.add(example.label()));
		if (labels.size() < 2) {
			throw new IllegalArgumentException("Training needs texts of at least two labels, not " + labels);
		}
		TermWeights weights = TermWeights.learn(examples.stream().map(LabelledText::text).toList(), settings.shape());
		LabelFactory factory = new LabelFactory();
		List<org.tribuo.Example<Label>> rows = new ArrayList<>(examples.size());
		for (LabelledText example : examples) {
			TermWeights.Vector vector = weights.vector(example.text());
			if (!vector.isEmpty()) {
				rows.add(new ArrayExample<>(new Label(example.label()), vector.names(), vector.values()));
			}
		}
		if (rows.isEmpty()) {
			throw new IllegalArgumentException("No training text holds a term found in " + settings.minDocuments()
					+ " texts or more");
		}
		MutableDataset<Label> dataset = new MutableDataset<>(
				new ListDataSource<>(rows, factory, new SimpleDataSourceProvenance("triage", factory)));
		LibLinearClassificationTrainer trainer = new LibLinearClassificationTrainer(
				new LinearClassificationType(LinearType.L2R_LR), settings.cost(), 1000, 0.01);
		if (settings.balanced()) {
			trainer.setLabelWeights(balancedWeights(rows));
		}
		return new TriageModel(weights, trainer.train(dataset));
	}

	private static Map<Label, Float> balancedWeights(List<org.tribuo.Example<Label>> rows) {
		Map<Label, Integer> counts = new HashMap<>();
		rows.forEach(row -> counts.merge(row.getOutput(), 1, Integer::sum));
		Map<Label, Float> weights = new HashMap<>();
		counts.forEach((label, count) -> weights.put(label, (float) rows.size() / (counts.size() * count)));
		return weights;
	}

}

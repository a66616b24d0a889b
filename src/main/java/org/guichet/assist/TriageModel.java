package org.guichet.assist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * A trained triage classifier: the terms it knows with their weights, and Tribuo's linear model
 * over them. Immutable and thread-safe; built by {@link TriageClassifier#train}.
 */
public final class TriageModel {

	private final TermWeights weights;

	private final Model<Label> model;

	private final Set<String> labels;

	TriageModel(TermWeights weights, Model<Label> model) {
		this.weights = weights;
		this.model = model;
		Set<String> known = new TreeSet<>();
		model.getOutputIDInfo().getDomain().forEach(label -> known.add(label.getLabel()));
		this.labels = Set.copyOf(known);
	}

	/** The classes the model learnt, never empty. */
	public Set<String> labels() {
		return labels;
	}

	/**
	 * Every class for the text, the likeliest first.
	 *
	 * @param text any text, not null
	 * @return the classes with their confidences (adding up to 1), best first; empty when the text
	 * holds no term the model learnt (nothing to go on)
	 */
	public List<LabelScore> rank(String text) {
		TermWeights.Vector vector = weights.vector(text);
		if (vector.isEmpty()) {
			return List.of();
		}
		Prediction<Label> prediction = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, vector.names(), vector.values()));
		List<LabelScore> ranked = new ArrayList<>(labels.size());
		prediction.getOutputScores().forEach((name, label) -> ranked.add(new LabelScore(name, label.getScore())));
		ranked.sort(Comparator.comparingDouble(LabelScore::confidence).reversed().thenComparing(LabelScore::label));
		return ranked;
	}

	/**
	 * The likeliest class for the text, if the model is sure enough.
	 *
	 * @param text any text, not null
	 * @param threshold the least confidence to answer, from 0 to 1
	 * @return the likeliest class when its confidence is at least the threshold; empty otherwise
	 * (the model abstains), and when the text holds no term the model learnt
	 */
	public Optional<LabelScore> suggest(String text, double threshold) {
		if (threshold < 0 || threshold > 1) {
			throw new IllegalArgumentException("A confidence threshold is between 0 and 1, not " + threshold);
		}
		return rank(text).stream().findFirst().filter(best -> best.confidence() >= threshold);
	}

	TermWeights weights() {
		return weights;
	}

	Model<Label> model() {
		return model;
	}

}

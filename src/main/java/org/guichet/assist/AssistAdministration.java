package org.guichet.assist;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What administrators see and do of the assistant: the models stored, the suggestions'
 * thresholds (to show, to apply at registration), a training started now in the background.
 */
@Service
public class AssistAdministration {

	/**
	 * One field's stored model.
	 *
	 * @param trainedAt when it was learnt
	 * @param examples how many resolved tickets it learnt from
	 * @param labels how many values it may suggest
	 */
	public record StoredModel(TriageField field, Instant trainedAt, int examples, int labels) {
	}

	private final TriageModels models;

	private final TriageTraining training;

	private final AssistSettings settings;

	AssistAdministration(TriageModels models, TriageTraining training, AssistSettings settings) {
		this.models = models;
		this.training = training;
		this.settings = settings;
	}

	/** The stored models, by field; empty before the first training that found enough tickets. */
	public List<StoredModel> models() {
		return models.trained()
			.stream()
			.map(t -> new StoredModel(t.field(), t.trainedAt(), t.examples(), t.labels()))
			.toList();
	}

	/** See {@link AssistSettings#threshold()}. */
	public double threshold() {
		return settings.threshold();
	}

	/** See {@link AssistSettings#autoApplyThreshold()}. */
	public @Nullable Double autoApplyThreshold() {
		return settings.autoApplyThreshold();
	}

	/** See {@link AssistSettings#setThresholds(double, Double, Long)}. */
	public void setThresholds(double suggest, @Nullable Double autoApply, long expectedVersion) {
		settings.setThresholds(suggest, autoApply, expectedVersion);
	}

	/** See {@link AssistSettings#version()}. */
	public long version() {
		return settings.version();
	}

	/**
	 * Starts a training in the background (or lets the one waiting to start serve).
	 *
	 * @return false when a training was already waiting to start: it serves this demand
	 */
	public boolean trainNow() {
		return training.trainInBackground();
	}

}

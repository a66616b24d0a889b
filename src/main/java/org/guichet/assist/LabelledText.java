package org.guichet.assist;

import java.util.Objects;

/**
 * One text a person classified: what a classifier learns from, or is scored against.
 *
 * @param text the text (a ticket's title and description, for instance), any language; not null
 * @param label the class a person gave it (a category's id, a topic's name…); not null nor blank
 */
public record LabelledText(String text, String label) {

	/** Refuses a null text and a null or blank label. */
	public LabelledText {
		Objects.requireNonNull(text, "text");
		if (label == null || label.isBlank()) {
			throw new IllegalArgumentException("A labelled text needs a label");
		}
	}

}

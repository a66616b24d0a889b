package org.guichet.assist;

import org.jspecify.annotations.Nullable;

/**
 * The one text a triage model reads for a ticket, in training and in suggestions alike: the title,
 * the description, then the requester's department. Descriptions are cut at
 * {@link #MAX_DESCRIPTION} characters: what matters for triage is said first, and a long log
 * pasted in would only slow training down.
 */
final class TriageText {

	static final int MAX_DESCRIPTION = 4000;

	private TriageText() {
	}

	static String of(@Nullable String title, @Nullable String description, @Nullable String department) {
		StringBuilder text = new StringBuilder();
		if (title != null) {
			text.append(title).append('\n');
		}
		if (description != null) {
			text.append(description, 0, Math.min(description.length(), MAX_DESCRIPTION)).append('\n');
		}
		if (department != null) {
			text.append(department);
		}
		return text.toString();
	}

}

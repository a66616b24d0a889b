package org.guichet.replies;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.guichet.replies.InvalidDefinitionException.Problem;
import org.guichet.system.OneLine;
import org.jspecify.annotations.Nullable;

/** Collects what is wrong with a definition, then refuses it once with every problem. */
final class Problems {

	static final int NAME_MAX = 120;

	static final int TEXT_MAX = 20000;

	private final List<Problem> problems = new ArrayList<>();

	void add(@Nullable String field, String messageKey, String englishMessage, Object... arguments) {
		problems.add(new Problem(field, messageKey, englishMessage, List.of(arguments)));
	}

	void name(@Nullable String name) {
		if (name == null || name.isBlank()) {
			add("name", "field.required", "The name is required");
		}
		else if (name.strip().length() > NAME_MAX) {
			add("name", "field.too-long", "At most " + NAME_MAX + " characters", NAME_MAX);
		}
		else if (!OneLine.Check.holds(name)) {
			add("name", OneLine.CODE, "One line, without line breaks nor tabs");
		}
	}

	/** A text with placeholders; a required one must not be blank. */
	void text(String field, @Nullable String text, boolean required) {
		if (text == null || text.isBlank()) {
			if (required) {
				add(field, "field.required", "The text is required");
			}
			return;
		}
		if (text.length() > TEXT_MAX) {
			add(field, "field.too-long", "At most " + TEXT_MAX + " characters", TEXT_MAX);
		}
		Set<String> unknown = Placeholders.unknown(text);
		if (!unknown.isEmpty()) {
			add(field, "replies.placeholder.unknown", "Unknown placeholders: " + unknown,
					String.join(", ", unknown.stream().map(name -> "{{" + name + "}}").toList()),
					String.join(", ", Placeholders.NAMES.stream().map(name -> "{{" + name + "}}").toList()));
		}
	}

	void throwIfAny() {
		if (!problems.isEmpty()) {
			throw new InvalidDefinitionException(problems);
		}
	}

}

package org.guichet.presentation.flowchart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/** The chart's labels in one language, wrapped into short lines for the shapes. */
final class FlowchartTexts {

	private final MessageSource messages;

	private final Locale locale;

	FlowchartTexts(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	Locale locale() {
		return locale;
	}

	/** The label's text; its arguments that are labels are resolved first. */
	String text(Label label) {
		Object[] args = label.args().stream().map(arg -> arg instanceof Label inner ? text(inner) : arg).toArray();
		return messages.getMessage(label.key(), args, locale);
	}

	/** A message of the chart's own (legend, lanes) by key. */
	String text(String key) {
		return messages.getMessage(key, null, locale);
	}

	/** {@code text} cut at spaces into lines of at most {@code width} characters (a longer word keeps its line). */
	static List<String> wrap(String text, int width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split("\\s+")) {
			if (line.length() > 0 && line.length() + 1 + word.length() > width) {
				lines.add(line.toString());
				line.setLength(0);
			}
			if (line.length() > 0) {
				line.append(' ');
			}
			line.append(word);
		}
		if (line.length() > 0) {
			lines.add(line.toString());
		}
		return lines;
	}

}

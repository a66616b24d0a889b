package org.guichet.presentation.flowchart;

import java.util.List;
import java.util.Locale;

import org.guichet.presentation.drawing.Svg;
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
		return Svg.wrap(text, width);
	}

}

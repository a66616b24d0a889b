package org.guichet.presentation.about;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.guichet.presentation.flowchart.Label;
import org.springframework.context.MessageSource;

/** The tool page's labels in one language. */
final class AboutTexts {

	private final MessageSource messages;

	private final Locale locale;

	AboutTexts(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	Locale locale() {
		return locale;
	}

	/** The label's text; an argument that is a label is resolved first, a list of labels joined by commas. */
	String text(Label label) {
		Object[] args = label.args().stream().map(this::argument).toArray();
		return messages.getMessage(label.key(), args, locale);
	}

	/** A message by key, without arguments. */
	String text(String key) {
		return messages.getMessage(key, null, locale);
	}

	private Object argument(Object arg) {
		if (arg instanceof Label inner) {
			return text(inner);
		}
		if (arg instanceof List<?> list) {
			return list.stream().map(this::argument).map(String::valueOf).collect(Collectors.joining(", "));
		}
		return arg;
	}

}

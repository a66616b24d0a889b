package org.guichet.presentation.flowchart;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;

/**
 * A text of the chart as an i18n key and its arguments, resolved in the reader's language when
 * the chart is drawn.
 *
 * @param key the message key, in the {@code flowchart.} bundle
 * @param args the message's arguments, possibly other labels (resolved first)
 */
public record Label(String key, List<Object> args) implements MessageSourceResolvable {

	public Label {
		args = List.copyOf(args);
	}

	public static Label of(String key, Object... args) {
		return new Label(key, List.of(args));
	}

	@Override
	public String[] getCodes() {
		return new String[] { key };
	}

	@Override
	public Object[] getArguments() {
		return args.toArray();
	}

}

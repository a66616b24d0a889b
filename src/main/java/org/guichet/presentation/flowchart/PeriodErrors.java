package org.guichet.presentation.flowchart;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

import org.guichet.system.InvalidInputException;
import org.springframework.context.MessageSource;

/**
 * The flowchart page's words for a period it refused: the API names its parameters
 * ({@code to: 2026-08-01 is before…}), the page names the fields as their labels read
 * ({@code To: 1 Aug 2026 is before…}) and writes the days as the reader's language does.
 */
final class PeriodErrors {

	private static final Map<String, String> LABELS = Map.of("from", "flowchart.page.from", "to",
			"flowchart.page.to");

	private PeriodErrors() {
	}

	/**
	 * The refusal's message in {@code locale}, each parameter name among its arguments replaced by
	 * its field's label and each day by a medium date of {@code locale}.
	 */
	static String text(InvalidInputException refused, MessageSource messages, Locale locale) {
		Object[] arguments = refused.arguments().clone();
		for (int i = 0; i < arguments.length; i++) {
			if (arguments[i] instanceof String name && LABELS.containsKey(name)) {
				arguments[i] = messages.getMessage(LABELS.get(name), null, locale);
			}
			else if (arguments[i] instanceof LocalDate day) {
				arguments[i] = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
			}
		}
		return messages.getMessage(refused.messageKey(), arguments, locale);
	}

}

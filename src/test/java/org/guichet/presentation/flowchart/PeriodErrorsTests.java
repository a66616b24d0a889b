package org.guichet.presentation.flowchart;

import java.util.List;
import java.util.Locale;

import org.guichet.system.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The flowchart page says what is wrong with a period in the reader's words: the field as its
 * label reads (never the API's parameter name {@code from} or {@code to}), the days as the
 * reader's language writes them.
 */
class PeriodErrorsTests {

	private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

	static {
		MESSAGES.setBasenames("i18n/messages", "i18n/presentation");
		MESSAGES.setDefaultEncoding("UTF-8");
		MESSAGES.setFallbackToSystemLocale(false);
	}

	/** Every way a period is refused: one day missing (either), a day that is no date (either), reversed. */
	private static final List<String[]> REFUSED = List.of(new String[] { "", "2026-08-01" },
			new String[] { "2026-08-01", "" }, new String[] { "hier", "2026-08-01" },
			new String[] { "2026-08-01", "31/12/2026" }, new String[] { "2026-11-30", "2026-08-01" });

	@ParameterizedTest
	@ValueSource(strings = { "fr", "en" })
	void everyRefusedPeriodNamesItsFieldByItsLabel(String language) {
		Locale locale = Locale.forLanguageTag(language);
		String from = MESSAGES.getMessage("flowchart.page.from", null, locale);
		String to = MESSAGES.getMessage("flowchart.page.to", null, locale);
		for (String[] period : REFUSED) {
			InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
					() -> FlowchartRequest.period(period[0], period[1]));

			String text = PeriodErrors.text(refused, MESSAGES, locale);

			assertThat(text).as("%s → %s", String.join(" / ", period), text)
				.startsWith(refused.field().equals("from") ? from : to)
				.doesNotContainPattern("\\b(from|to)\\s*\\u00a0?:");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "fr", "en" })
	void aReversedPeriodWritesItsDaysAsTheReadersLanguageDoes(String language) {
		Locale locale = Locale.forLanguageTag(language);
		InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
				() -> FlowchartRequest.period("2026-11-30", "2026-08-01"));

		String text = PeriodErrors.text(refused, MESSAGES, locale);

		assertThat(text).doesNotContain("2026-08-01", "2026-11-30")
			.contains(language.equals("fr") ? "1 août 2026" : "Aug 1, 2026");
	}

}

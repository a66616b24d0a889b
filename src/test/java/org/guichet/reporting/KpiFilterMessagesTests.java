package org.guichet.reporting;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.tickets.TicketFilter;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refusals of the KPI and ticket-list filters read in the reader's language: what a
 * parameter accepts is a value shown inside the translated message, never English words.
 */
class KpiFilterMessagesTests {

	private static final LocalDate TODAY = LocalDate.parse("2026-11-25");

	private static final ResourceBundleMessageSource MESSAGES = messages();

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/errors");
		messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		messages.setFallbackToSystemLocale(false);
		messages.setUseCodeAsDefaultMessage(false);
		return messages;
	}

	private static Map<String, String[]> parameters(String... pairs) {
		Map<String, String[]> parameters = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			parameters.put(pairs[i], new String[] { pairs[i + 1] });
		}
		return parameters;
	}

	private static String french(TicketFilter.Error error) {
		return MESSAGES.getMessage(error.code(), error.arguments(), Locale.FRENCH);
	}

	@Test
	void aPeriodBackwardsOrTooLongIsExplainedInFrenchAroundTheDateOrDaysAllowed() {
		TicketFilter.Error reversed = KpiFilter.read(parameters("from", "2026-11-20", "to", "2026-11-10"), TODAY, KpiFilterTests.KNOWN)
			.errors()
			.get(0);
		TicketFilter.Error tooLong = KpiFilter.read(parameters("from", "2020-01-01", "to", "2026-11-10"), TODAY, KpiFilterTests.KNOWN)
			.errors()
			.get(0);

		assertThat(french(reversed)).isEqualTo(
				"to : « 2026-11-10 » tombe avant le premier jour ; donnez une date égale ou postérieure au 2026-11-20.");
		assertThat(french(tooLong)).isEqualTo(
				"to : la période est trop longue (2026-11-10) ; donnez une date au plus 732 jours après from.");
		assertThat(MESSAGES.getMessage(reversed.code(), reversed.arguments(), Locale.ENGLISH))
			.isEqualTo("to: \"2026-11-10\" is before the first day; give a date on or after 2026-11-20.");
	}

	@Test
	void noFilterRefusalShowsEnglishWordsInAFrenchMessage() {
		List<TicketFilter.Error> errors = new ArrayList<>();
		errors.addAll(KpiFilter.read(parameters("from", "2026-13-01", "group", "x", "channel", "FAX", "type", "BUG",
				"department", "d".repeat(121)), TODAY, KpiFilterTests.KNOWN).errors());
		errors.addAll(KpiFilter.read(parameters("from", "2026-11-20", "to", "2026-11-10"), TODAY, KpiFilterTests.KNOWN).errors());
		errors.addAll(KpiFilter.read(parameters("from", "2020-01-01", "to", "2026-11-10"), TODAY, KpiFilterTests.KNOWN).errors());
		errors.addAll(KpiFilter.read(parameters("period", "BOGUS"), TODAY, KpiFilterTests.KNOWN).errors());
		errors.addAll(KpiFilter.read(parameters("period", "LAST_MONTH", "to", "2026-11-10"), TODAY, KpiFilterTests.KNOWN).errors());
		errors.addAll(KpiFilter.read(Map.of("group", new String[] { "1", "2" }), TODAY, KpiFilterTests.KNOWN).errors());
		errors.addAll(TicketFilter.read(parameters("status", "DONE", "assigneeId", "-3", "page", "-1", "size", "500",
				"from", "2026-11-20", "to", "2026-11-10", "hour", "25", "reopened", "maybe", "createdFrom",
				"yesterday")).errors());
		assertThat(errors).hasSizeGreaterThan(10);

		for (TicketFilter.Error error : errors) {
			String message = french(error);
			if (message.contains(String.valueOf(error.allowed()))) {
				assertThat(String.valueOf(error.allowed())).as("%s shows %s in: %s", error.code(), error.allowed(), message)
					.matches("[A-Z0-9_ ,.:–-]*");
			}
		}
	}

}

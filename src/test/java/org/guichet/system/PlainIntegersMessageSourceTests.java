package org.guichet.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class PlainIntegersMessageSourceTests {

	private final PlainIntegersMessageSource messages = new PlainIntegersMessageSource();

	{
		messages.setBasenames("i18n/errors");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
	}

	@Test
	void anIdInAPlainPlaceholderIsPrintedWithoutGroupingInEveryLanguage() {
		Object[] arguments = { 1234567L, 1234567L };

		assertThat(messages.getMessage("ticket.version-stale", arguments, Locale.ENGLISH))
			.startsWith("Ticket 1234567 was changed")
			.contains("version 1234567");
		assertThat(messages.getMessage("ticket.version-stale", arguments, Locale.FRENCH))
			.startsWith("Le ticket 1234567 a été modifié");
	}

	@Test
	void aCountThatAsksForGroupingKeepsItAndADecimalKeepsTheLocalesWay() {
		String written = "{0,number,integer} tickets, {1} each, {2} as {3}";

		assertThat(messages.getMessage("absent", new Object[] { 12345, 2.5, "text", 7L }, written, Locale.ENGLISH))
			.isEqualTo("12,345 tickets, 2.5 each, text as 7");
	}

	@Test
	void aBoundInARefusalIsGroupedInTheReadersWay() {
		Object[] arguments = { "q", "x".repeat(10001), 10000 };

		assertThat(messages.getMessage("filter.text-too-long", arguments, Locale.ENGLISH)).contains("longer than 10,000 characters");
		assertThat(messages.getMessage("filter.text-too-long", arguments, Locale.FRENCH)).containsPattern("dépasse 10\\h000 caractères");
	}

}

package org.guichet.calendars;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EasterTests {

	@ParameterizedTest
	@CsvSource({ "2008, 2008-03-23", "2019, 2019-04-21", "2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05",
			"2027, 2027-03-28", "2028, 2028-04-16", "2038, 2038-04-25", "2285, 2285-03-22" })
	void easterSundayMatchesThePublishedDate(int year, LocalDate sunday) {
		assertThat(Easter.sunday(year)).isEqualTo(sunday);
	}

}

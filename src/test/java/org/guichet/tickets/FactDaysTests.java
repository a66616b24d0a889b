package org.guichet.tickets;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FactDaysTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Test
	void anInstantNamesItsLocalDayNotItsUtcDay() {
		FactDays days = new FactDays(PARIS);
		days.add(Instant.parse("2026-03-01T23:30:00Z"));
		assertThat(days.days()).containsExactly(LocalDate.parse("2026-03-02"));
	}

	@Test
	void anInstantAtALocalMidnightNamesTheDayItEndsAndTheDayItStarts() {
		FactDays days = new FactDays(PARIS);
		days.add(Instant.parse("2026-03-01T23:00:00Z"));
		assertThat(days.days()).containsExactlyInAnyOrder(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-02"));
	}

	@Test
	void nullsAddNothing() {
		FactDays days = new FactDays(PARIS);
		days.add((Instant) null);
		days.add((LocalDate) null);
		assertThat(days.days()).isEmpty();
	}

}

package org.guichet.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A period of whole local days, both ends included, in {@code guichet.time-zone}.
 *
 * @param from the first day
 * @param to the last day, not before {@code from}
 */
public record DateRange(LocalDate from, LocalDate to) {

	public DateRange {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("The period ends (" + to + ") before it starts (" + from + ")");
		}
	}

	/** The number of days in the period, at least 1. */
	public long days() {
		return ChronoUnit.DAYS.between(from, to) + 1;
	}

	/** The period of the same number of days that ends the day before this one starts. */
	public DateRange previous() {
		return new DateRange(from.minusDays(days()), from.minusDays(1));
	}

	/** The period's first instant: {@code from} at 00:00 in the zone. */
	public Instant start(ZoneId zone) {
		return from.atStartOfDay(zone).toInstant();
	}

	/** The instant right after the period, excluded: the day after {@code to} at 00:00 in the zone. */
	public Instant end(ZoneId zone) {
		return to.plusDays(1).atStartOfDay(zone).toInstant();
	}

}

package org.guichet.calendars;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A slow, direct count of business time, to check the calendar's tables against: every range of
 * every date, turned into instants with {@code ZonedDateTime}, the resulting spans united.
 */
final class DayByDay {

	private DayByDay() {
	}

	static Duration businessTimeBetween(BusinessCalendar calendar, Instant from, Instant to) {
		if (to.isBefore(from)) {
			return businessTimeBetween(calendar, to, from).negated();
		}
		List<Instant[]> spans = new ArrayList<>();
		LocalDate last = to.atZone(calendar.zone()).toLocalDate().plusDays(1);
		for (LocalDate date = from.atZone(calendar.zone()).toLocalDate().minusDays(1); !date.isAfter(last);
				date = date.plusDays(1)) {
			for (TimeRange range : calendar.workingRangesOn(date)) {
				Instant start = date.atTime(range.from()).atZone(calendar.zone()).toInstant();
				Instant end = date.atStartOfDay().plusSeconds(range.endSecond()).atZone(calendar.zone()).toInstant();
				if (start.isBefore(end)) {
					spans.add(new Instant[] { start, end });
				}
			}
		}
		spans.sort(Comparator.comparing((Instant[] span) -> span[0]));
		Duration total = Duration.ZERO;
		Instant counted = from;
		for (Instant[] span : spans) {
			Instant start = max(span[0], counted);
			Instant end = min(span[1], to);
			if (start.isBefore(end)) {
				total = total.plus(Duration.between(start, end));
				counted = end;
			}
		}
		return total;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}

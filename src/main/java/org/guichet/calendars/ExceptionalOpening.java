package org.guichet.calendars;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A date with its own working ranges, e.g. a Saturday opening for a migration. They replace the
 * weekday's ranges and win over a holiday on that date. Overlapping or touching ranges are merged.
 */
public record ExceptionalOpening(LocalDate date, List<TimeRange> ranges) {

	public ExceptionalOpening {
		Objects.requireNonNull(date, "date");
		if (ranges.isEmpty()) {
			throw new InvalidCalendarException("exceptionalOpenings", "calendar.invalid.empty-opening",
					"An exceptional opening on " + date + " needs at least one working range (declare a closure as a holiday)",
					date.toString());
		}
		ranges = TimeRange.merge(ranges);
	}

	public static ExceptionalOpening of(LocalDate date, TimeRange... ranges) {
		return new ExceptionalOpening(date, List.of(ranges));
	}

}

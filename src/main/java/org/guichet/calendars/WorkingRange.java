package org.guichet.calendars;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/**
 * Working hours on one day of the week, in the calendar's wall-clock time: start inclusive,
 * end exclusive, {@code to} = 00:00 meaning midnight at the end of the day (see {@link TimeRange}).
 */
public record WorkingRange(DayOfWeek day, LocalTime from, LocalTime to) {

	public WorkingRange {
		Objects.requireNonNull(day, "day");
		TimeRange.validate(from, to);
	}

	public static WorkingRange of(DayOfWeek day, TimeRange time) {
		return new WorkingRange(day, time.from(), time.to());
	}

	public TimeRange time() {
		return new TimeRange(this.from, this.to);
	}

	@Override
	public String toString() {
		return this.day + " " + time();
	}

}

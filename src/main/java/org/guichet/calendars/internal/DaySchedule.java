package org.guichet.calendars.internal;

import java.time.LocalDate;

/** The working ranges of one local date, as second-of-day pairs: {@code [from0, to0, from1, to1, …]}, sorted. */
@FunctionalInterface
public interface DaySchedule {

	int[] secondsOfDay(LocalDate date);

}

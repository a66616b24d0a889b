package org.guichet.calendars;

import java.util.Map;

/**
 * A stored business calendar: its name, its version (for optimistic locking), the calendar and
 * the labels of those of its holidays that have one (e.g. "Christmas").
 */
public record NamedCalendar(long id, String name, long version, BusinessCalendar calendar,
		Map<Holiday, String> holidayLabels) {

	public NamedCalendar {
		holidayLabels = Map.copyOf(holidayLabels);
	}

}

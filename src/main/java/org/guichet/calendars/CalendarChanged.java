package org.guichet.calendars;

/**
 * A stored calendar's working time or holidays were redefined, so deadlines counted on it may
 * fall elsewhere now.
 *
 * @param calendarId the calendar's id
 */
public record CalendarChanged(long calendarId) {
}

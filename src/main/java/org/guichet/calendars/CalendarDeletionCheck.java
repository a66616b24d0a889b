package org.guichet.calendars;

import org.guichet.system.ConflictException;

/**
 * Implemented by a module whose data refers to calendars (SLA policies do), so that a calendar
 * still in use is refused when deleted with a message naming what uses it, rather than broken.
 * The calendars module knows no module that uses it: they declare themselves as beans.
 */
public interface CalendarDeletionCheck {

	/** @throws ConflictException when something still uses the calendar, naming it */
	void refuseIfUsed(NamedCalendar calendar);

}

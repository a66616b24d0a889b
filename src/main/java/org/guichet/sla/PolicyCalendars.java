package org.guichet.sla;

import java.util.List;

import org.guichet.calendars.CalendarDeletionCheck;
import org.guichet.calendars.NamedCalendar;
import org.guichet.system.ConflictException;
import org.springframework.stereotype.Component;

/** Keeps the calendar of an SLA policy from being deleted, naming the policies that use it. */
@Component
class PolicyCalendars implements CalendarDeletionCheck {

	private final SlaPolicyRepository policies;

	PolicyCalendars(SlaPolicyRepository policies) {
		this.policies = policies;
	}

	@Override
	public void refuseIfUsed(NamedCalendar calendar) {
		List<String> users = policies.findNamesByCalendarId(calendar.id());
		if (!users.isEmpty()) {
			String names = String.join(", ", users);
			throw new ConflictException("calendar.in-use",
					"The calendar " + calendar.name() + " is used by the SLA policies " + names, calendar.name(), names);
		}
	}

}

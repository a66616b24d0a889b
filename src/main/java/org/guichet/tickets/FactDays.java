package org.guichet.tickets;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The local days that facts being replaced or written touch, as {@link TicketEvents.TicketFactsWritten}
 * names them: the day of each instant in the desk's zone, and the day before too when the instant
 * is exactly that day's first instant (it ends one day as much as it starts the next).
 */
final class FactDays {

	private final ZoneId zone;

	private final Set<LocalDate> days = new HashSet<>();

	/** @param zone the desk's {@code guichet.time-zone} */
	FactDays(ZoneId zone) {
		this.zone = zone;
	}

	/** Adds a local day; nothing when null. */
	void add(@Nullable LocalDate day) {
		if (day != null) {
			days.add(day);
		}
	}

	/** Adds the day or days of an instant; nothing when null. */
	void add(@Nullable Instant instant) {
		if (instant == null) {
			return;
		}
		LocalDate day = instant.atZone(zone).toLocalDate();
		days.add(day);
		if (day.atStartOfDay(zone).toInstant().equals(instant)) {
			days.add(day.minusDays(1));
		}
	}

	/** Adds every day the facts of one ticket are counted on. */
	void add(TicketFacts facts) {
		add(facts.createdDay());
		add(facts.resolvedDay());
		add(facts.closedDay());
		add(facts.ttoDeadline());
		add(facts.ttrDeadline());
		for (TicketFacts.OpenSpan span : facts.openSpans()) {
			add(span.openedAt());
			add(span.endedAt());
		}
	}

	Set<LocalDate> days() {
		return Set.copyOf(days);
	}

}

package org.guichet.testing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.guichet.tickets.TicketEvents.TicketFactsWritten;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For tests that write {@code ticket_fact} or {@code ticket_open_span} by hand, where the tickets
 * module would have told the reporting module which days' figures to compute again: tells it, as
 * the tickets module does ({@link TicketFactsWritten}), every day around each instant of the
 * tickets' facts and spans as it stands now (the UTC day and its neighbours, whatever the desk's
 * zone). Call it before replacing a ticket's facts and after.
 */
public final class KpiDayMarks {

	private KpiDayMarks() {
	}

	public static void markDaysOf(JdbcClient jdbc, ApplicationEventPublisher events, long ticketId) {
		Set<LocalDate> days = new HashSet<>();
		for (String sql : List.of(
				"select created_at a, resolved_at b, closed_at c, tto_deadline d, ttr_deadline e from ticket_fact where ticket_id = ?",
				"select opened_at a, ended_at b, null c, null d, null e from ticket_open_span where ticket_id = ?")) {
			jdbc.sql(sql).param(ticketId).query(rs -> {
				for (String column : List.of("a", "b", "c", "d", "e")) {
					OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
					if (at != null) {
						LocalDate day = at.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
						days.addAll(List.of(day.minusDays(1), day, day.plusDays(1)));
					}
				}
			});
		}
		events.publishEvent(new TicketFactsWritten(days));
	}

}

package org.guichet.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes a ticket's row of {@code ticket_fact} with the facts a test needs, for tests of what
 * reads the facts without depending on how they are derived: the row starts from the ticket's
 * own columns (type, channel, priority, status, category, group, assignee, creation and its local
 * day, hour and weekday) and takes the given columns over them; any row already there is replaced.
 */
public final class TicketFactRows {

	private final JdbcTemplate jdbc;

	private final ZoneId zone;

	private final ApplicationEventPublisher events;

	/**
	 * @param zone the desk's {@code guichet.time-zone}, for the local day, hour and weekday
	 * @param events where the days of the facts written are told to the reporting module
	 */
	public TicketFactRows(JdbcTemplate jdbc, ZoneId zone, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.zone = zone;
		this.events = events;
	}

	/**
	 * @param facts column name to value; an {@link Instant} is written as a UTC timestamp, a
	 * {@code null} value (in a map that allows it) clears the column
	 */
	public void write(long ticketId, Map<String, ?> facts) {
		Map<String, Object> row = new LinkedHashMap<>();
		jdbc.queryForMap("select id as ticket_id, type, channel, priority, category_id, group_id, assignee_id, status"
				+ " from ticket where id = ?", ticketId)
			.forEach((column, value) -> row.put(column.toLowerCase(Locale.ROOT), value));
		Instant created = jdbc.queryForObject("select created_at from ticket where id = ?", OffsetDateTime.class,
				ticketId).toInstant();
		ZonedDateTime local = created.atZone(zone);
		row.put("created_at", created);
		row.put("created_day", local.toLocalDate());
		row.put("created_hour", local.getHour());
		row.put("created_weekday", local.getDayOfWeek().getValue());
		row.putAll(facts);
		List<Object> values = new ArrayList<>();
		row.values().forEach(value -> values.add(value instanceof Instant instant
				? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : value instanceof LocalDate day ? day : value));
		KpiDayMarks.markDaysOf(JdbcClient.create(jdbc), events, ticketId);
		jdbc.update("delete from ticket_fact where ticket_id = ?", ticketId);
		jdbc.update("insert into ticket_fact (" + String.join(", ", row.keySet()) + ") values ("
				+ String.join(", ", row.keySet().stream().map(column -> "?").toList()) + ")", values.toArray());
		KpiDayMarks.markDaysOf(JdbcClient.create(jdbc), events, ticketId);
	}

}

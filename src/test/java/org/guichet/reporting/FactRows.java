package org.guichet.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guichet.testing.KpiDayMarks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * Hand-built facts for the KPI tests: a minimal ticket row (what {@code ticket_fact} and the
 * satisfaction comments reference), its {@code ticket_fact} row with the columns a test gives, and
 * its open spans. Local days, hours and weekdays are derived from the instants in the zone.
 */
final class FactRows {

	private final JdbcClient jdbc;

	private final long requesterId;

	private final String department;

	private final ZoneId zone;

	private final ApplicationEventPublisher events;

	FactRows(JdbcClient jdbc, long requesterId, String department, ZoneId zone, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
		this.requesterId = requesterId;
		this.department = department;
		this.zone = zone;
	}

	/** A user to reference as requester; returns its id. */
	static long user(JdbcClient jdbc, String username, String role) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into app_user (username, password_hash, full_name, role, created_at) values (?, '{noop}x', ?, ?, ?)")
			.params(username, username, role, Instant.parse("2026-01-01T00:00:00Z").atOffset(ZoneOffset.UTC))
			.update(key, "id");
		return key.getKey().longValue();
	}

	/**
	 * A category; returns its id. Its version is random: the category tree is kept while the count
	 * and the sum of the versions are unchanged, and a rolled-back test leaves the count as it was.
	 */
	static long category(JdbcClient jdbc, String name, Long parentId) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into category (parent_id, name, version) values (?, ?, ?)")
			.params(parentId, name, java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 1_000_000_000))
			.update(key, "id");
		return key.getKey().longValue();
	}

	Fact ticket(String type, String channel, String priority, String status, String createdAt) {
		return new Fact(type, channel, priority, status, Instant.parse(createdAt));
	}

	final class Fact {

		private final Map<String, Object> columns = new LinkedHashMap<>();

		private final List<Instant[]> spans = new ArrayList<>();

		private final Instant createdAt;

		private String comment;

		private Fact(String type, String channel, String priority, String status, Instant createdAt) {
			this.createdAt = createdAt;
			columns.put("type", type);
			columns.put("channel", channel);
			columns.put("priority", priority);
			columns.put("status", status);
			columns.put("department", department);
			ZonedDateTime local = createdAt.atZone(zone);
			columns.put("created_at", utc(createdAt));
			columns.put("created_day", local.toLocalDate());
			columns.put("created_hour", local.getHour());
			columns.put("created_weekday", local.getDayOfWeek().getValue());
		}

		/** A column of the fact; instants as ISO text ({@code ..._at}, {@code ..._deadline}). */
		Fact with(String column, Object value) {
			if (column.endsWith("_at") || column.endsWith("_deadline")) {
				Instant instant = Instant.parse((String) value);
				columns.put(column, utc(instant));
				if (column.equals("resolved_at") || column.equals("closed_at")) {
					columns.put(column.replace("_at", "_day"), local(instant));
				}
			}
			else {
				columns.put(column, value);
			}
			return this;
		}

		/** An open span; {@code ended} null while open. */
		Fact span(String opened, String ended) {
			spans.add(new Instant[] { Instant.parse(opened), ended == null ? null : Instant.parse(ended) });
			return this;
		}

		Fact comment(String text) {
			this.comment = text;
			return this;
		}

		long save() {
			KeyHolder key = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into ticket (type, title, description, requester_id, registered_by_id, channel, urgency,
					  impact, priority, status, created_at, updated_at, satisfaction_comment)
					values (:type, 'KPI test', 'KPI test', :requester, :requester, :channel, 'MEDIUM', 'MEDIUM',
					  :priority, :status, :created, :created, :comment)""")
				.param("type", columns.get("type"))
				.param("requester", requesterId)
				.param("channel", columns.get("channel"))
				.param("priority", columns.get("priority"))
				.param("status", columns.get("status"))
				.param("created", utc(createdAt))
				.param("comment", comment)
				.update(key, "id");
			long id = key.getKey().longValue();
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("ticket_id", id);
			row.putAll(columns);
			jdbc.sql("insert into ticket_fact (" + String.join(", ", row.keySet()) + ") values ("
					+ String.join(", ", row.keySet().stream().map(c -> ":" + c).toList()) + ")")
				.params(row)
				.update();
			for (Instant[] span : spans) {
				jdbc.sql("insert into ticket_open_span (ticket_id, opened_at, ended_at) values (?, ?, ?)")
					.params(id, utc(span[0]), span[1] == null ? null : utc(span[1]))
					.update();
			}
			KpiDayMarks.markDaysOf(jdbc, events, id);
			return id;
		}

		private LocalDate local(Instant instant) {
			return instant.atZone(zone).toLocalDate();
		}

	}

	private static Object utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}

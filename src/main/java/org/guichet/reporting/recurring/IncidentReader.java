package org.guichet.reporting.recurring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.guichet.tickets.Categories;
import org.guichet.tickets.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the incidents of a period by SQL, from the tickets module's published read model and two
 * columns of its tables: {@code ticket_fact} ({@code ticket_id, type, merged, created_at,
 * category_id, group_id, assignee_id, channel, priority, department}), {@code ticket}
 * ({@code title, requester_id}) and the requester's {@code app_user.location}. Reads only; the
 * same SQL on H2 and PostgreSQL, one range of the index on {@code ticket_fact.created_at}.
 * <p>
 * An incident merged into another ticket is left out: it was the same occurrence reported twice,
 * and the ticket it was merged into counts.
 */
@Component
class IncidentReader {

	/** Rows fetched per round trip, so that PostgreSQL streams a year of incidents with a cursor. */
	private static final int FETCH_SIZE = 2000;

	private final JdbcClient jdbc;

	private final Categories categories;

	IncidentReader(DataSource dataSource, Categories categories) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.jdbc = JdbcClient.create(template);
		this.categories = categories;
	}

	/**
	 * The incidents created in [{@code from}, {@code until}) that the filter matches, in no
	 * particular order. Run inside a (read-only) transaction for PostgreSQL to use a cursor.
	 */
	List<Incident> read(Instant from, Instant until, RecurringFilter filter) {
		StringBuilder sql = new StringBuilder("""
				select f.ticket_id, t.title, f.created_at, f.category_id, t.requester_id, u.location
				from ticket_fact f
				join ticket t on t.id = f.ticket_id
				join app_user u on u.id = t.requester_id
				where f.type = :type and f.merged = false and f.created_at >= :from and f.created_at < :until""");
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("type", TicketType.INCIDENT.name());
		parameters.put("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
		parameters.put("until", OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
		criterion(sql, parameters, "f.group_id = :group", "group", filter.group());
		criterion(sql, parameters, "f.assignee_id = :technician", "technician", filter.technician());
		criterion(sql, parameters, "f.channel = :channel", "channel",
				filter.channel() == null ? null : filter.channel().name());
		criterion(sql, parameters, "f.priority = :priority", "priority",
				filter.priority() == null ? null : filter.priority().name());
		criterion(sql, parameters, "f.department = :department", "department", filter.department());
		if (filter.category() != null) {
			Set<Long> subtree = categories.subtree(filter.category());
			if (subtree.isEmpty()) {
				return List.of();
			}
			criterion(sql, parameters, "f.category_id in (:categories)", "categories", subtree);
		}
		RecurringFilter.Scope scope = filter.scope();
		if (scope != null) {
			parameters.put("reader", scope.technicianId());
			if (scope.groupIds().isEmpty()) {
				sql.append(" and f.assignee_id = :reader");
			}
			else {
				sql.append(" and (f.group_id in (:readerGroups) or f.assignee_id = :reader)");
				parameters.put("readerGroups", scope.groupIds());
			}
		}
		return jdbc.sql(sql.toString()).params(parameters).query(IncidentReader::incident).list();
	}

	private static void criterion(StringBuilder sql, Map<String, Object> parameters, String condition, String name,
			@Nullable Object value) {
		if (value != null) {
			sql.append(" and ").append(condition);
			parameters.put(name, value);
		}
	}

	private static Incident incident(ResultSet row, int number) throws SQLException {
		long categoryId = row.getLong("category_id");
		Long category = row.wasNull() ? null : categoryId;
		return new Incident(row.getLong("ticket_id"), row.getString("title"),
				row.getObject("created_at", OffsetDateTime.class).toInstant(), category, row.getLong("requester_id"),
				row.getString("location"));
	}

}

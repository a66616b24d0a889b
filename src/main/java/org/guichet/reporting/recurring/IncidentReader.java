package org.guichet.reporting.recurring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.guichet.reporting.FactConditions;
import org.guichet.reporting.KpiFilter;
import org.guichet.tickets.Categories;
import org.guichet.tickets.TicketType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the incidents of a KPI filter by SQL, from the tickets module's published read model and
 * two columns of its tables: {@code ticket_fact} ({@code ticket_id, type, merged, created_at} and
 * the filter's dimensions, through {@link FactConditions} like every KPI), {@code ticket}
 * ({@code title, requester_id}) and the requester's {@code app_user.location}; and the counts per
 * category and location just before the period, for the locations' bursts. Reads only; the
 * same SQL on H2 and PostgreSQL, one range of the index on {@code ticket_fact.created_at}.
 * <p>
 * An incident merged into another ticket is left out: it was the same occurrence reported twice,
 * and the ticket it was merged into counts. So is a child of a major incident ({@code ticket_link}
 * {@code CHILD_OF} a ticket whose {@code major_incident} is set): the users who reported one outage
 * in their own words; the major incident counts, once.
 */
@Component
class IncidentReader {

	/** Leaves out the children of a major incident: the major incident counts for them. */
	private static final String NOT_A_MAJOR_INCIDENTS_CHILD = """

			    and not exists (select 1 from ticket_link l join ticket m on m.id = l.target_ticket_id
			        where l.source_ticket_id = f.ticket_id and l.kind = 'CHILD_OF' and m.major_incident = true)""";

	/** Rows fetched per round trip, so that PostgreSQL streams a year of incidents with a cursor. */
	private static final int FETCH_SIZE = 2000;

	private final JdbcClient jdbc;

	private final Categories categories;

	private final ZoneId zone;

	IncidentReader(DataSource dataSource, Categories categories,
			@Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.jdbc = JdbcClient.create(template);
		this.categories = categories;
		this.zone = zone;
	}

	/**
	 * The incidents created in the filter's period (from its first day's midnight to the midnight
	 * after its last day, in {@code guichet.time-zone}) that its criteria match, in no particular
	 * order; none when the filter asks for another type than {@code INCIDENT}. Run inside a
	 * (read-only) transaction for PostgreSQL to use a cursor. The requester is joined last by an
	 * outer join, which H2 does not reorder: as an inner join H2 read every requester's tickets.
	 */
	List<Incident> read(KpiFilter filter) {
		if (filter.type() != null && filter.type() != TicketType.INCIDENT) {
			return List.of();
		}
		FactConditions on = FactConditions.of(filter, categories);
		Map<String, Object> parameters = new HashMap<>(on.params());
		parameters.put("type", TicketType.INCIDENT.name());
		parameters.put("from", OffsetDateTime.ofInstant(filter.period().start(zone), ZoneOffset.UTC));
		parameters.put("until", OffsetDateTime.ofInstant(filter.period().end(zone), ZoneOffset.UTC));
		return jdbc.sql("""
				select f.ticket_id, t.title, f.created_at, f.category_id, t.requester_id, u.location
				from ticket_fact f
				join ticket t on t.id = f.ticket_id
				left join app_user u on u.id = t.requester_id
				where f.type = :type and f.merged = false and f.created_at >= :from and f.created_at < :until"""
				+ NOT_A_MAJOR_INCIDENTS_CHILD + on.sql())
			.params(parameters)
			.query(IncidentReader::incident)
			.list();
	}

	/**
	 * The baseline of the filter's locations: the period's length (from its first day's midnight to
	 * the midnight after its last, in {@code guichet.time-zone}: 23 or 25 hours on a daylight-saving
	 * day), and the incidents the same criteria match in the {@code before} just before it, counted
	 * per category and location as written (one grouped SQL query, no title read). Run inside a
	 * (read-only) transaction.
	 *
	 * @param before the baseline's length, zero or more (zero: nothing is read)
	 */
	SiteBaseline baseline(KpiFilter filter, Duration before) {
		Instant start = filter.period().start(zone);
		Duration period = Duration.between(start, filter.period().end(zone));
		if (before.isZero() || filter.type() != null && filter.type() != TicketType.INCIDENT) {
			return new SiteBaseline(before, period, List.of());
		}
		FactConditions on = FactConditions.of(filter, categories);
		Map<String, Object> parameters = new HashMap<>(on.params());
		parameters.put("type", TicketType.INCIDENT.name());
		parameters.put("from", OffsetDateTime.ofInstant(start.minus(before), ZoneOffset.UTC));
		parameters.put("until", OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
		List<SiteBaseline.Count> counts = jdbc.sql("""
				select f.category_id, u.location, count(*) as incidents
				from ticket_fact f
				join ticket t on t.id = f.ticket_id
				left join app_user u on u.id = t.requester_id
				where f.type = :type and f.merged = false and f.created_at >= :from and f.created_at < :until
				    and f.category_id is not null and u.location is not null"""
				+ NOT_A_MAJOR_INCIDENTS_CHILD + on.sql() + "\ngroup by f.category_id, u.location")
			.params(parameters)
			.query((row, number) -> new SiteBaseline.Count(row.getLong("category_id"), row.getString("location"),
					row.getLong("incidents")))
			.list();
		return new SiteBaseline(before, period, counts);
	}

	private static Incident incident(ResultSet row, int number) throws SQLException {
		long categoryId = row.getLong("category_id");
		Long category = row.wasNull() ? null : categoryId;
		return new Incident(row.getLong("ticket_id"), row.getString("title"),
				row.getObject("created_at", OffsetDateTime.class).toInstant(), category, row.getLong("requester_id"),
				row.getString("location"));
	}

}

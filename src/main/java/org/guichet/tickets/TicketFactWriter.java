package org.guichet.tickets;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guichet.tickets.TicketEvents.TicketFactsWritten;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes tickets' facts with plain SQL in the caller's transaction, the same statements on H2
 * and PostgreSQL, each kind as one JDBC batch for all the tickets given: the fact rows are
 * updated, and inserted where they do not exist yet; their open spans are replaced; the tickets
 * are no longer pending. Updating a fact row first takes its row lock, so two transactions
 * writing the same ticket's facts follow each other, the second replacing the spans the first
 * wrote; the rows are written in ascending ticket id order, so two batches never wait for each
 * other in a circle.
 */
@Component
class TicketFactWriter {

	private static final String COLUMNS = "type, channel, priority, category_id, group_id, assignee_id, department,"
			+ " status, created_at, created_day, created_hour, created_weekday, owned_at, first_response_at,"
			+ " resolved_at, resolved_day, closed_at, closed_day, cancelled_at, merged, major_incident, own_seconds,"
			+ " own_business_seconds, first_response_seconds, resolution_seconds, resolution_business_seconds,"
			+ " sla_policy_id, tto_deadline, tto_met, ttr_deadline, ttr_met, reopen_count, refusal_count,"
			+ " functional_escalations, hierarchical_escalations, automatic_escalations, first_group_id,"
			+ " resolved_first_level, resolved_first_contact, rating, rated_at, surveyed, approval_requested_at,"
			+ " approval_decided_at, approval_outcome, approval_seconds";

	private static final String UPDATE = "update ticket_fact set "
			+ String.join(" = ?, ", COLUMNS.split(",\\s*")) + " = ? where ticket_id = ?";

	private static final String INSERT = "insert into ticket_fact (" + COLUMNS + ", ticket_id) values ("
			+ "?, ".repeat(COLUMNS.split(",").length) + "?)";

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final ApplicationEventPublisher events;

	private final ZoneId zone;

	TicketFactWriter(JdbcTemplate jdbc, ApplicationEventPublisher events,
			@Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.events = events;
		this.zone = zone;
	}

	/**
	 * Writes the facts of each of these tickets (at most one {@link TicketFacts} per ticket), then
	 * publishes {@link TicketFactsWritten} with the days of the facts replaced and written.
	 *
	 * @param created the tickets among them inserted in this transaction: nothing of theirs is
	 * stored yet, so their rows are inserted without reading, updating or deleting first
	 */
	void write(List<TicketFacts> facts, Set<Long> created) {
		if (facts.isEmpty()) {
			return;
		}
		List<TicketFacts> ordered = facts.stream().sorted(Comparator.comparingLong(TicketFacts::ticketId)).toList();
		List<Long> ids = ordered.stream().map(TicketFacts::ticketId).filter(id -> !created.contains(id)).toList();
		FactDays days = replacedDays(ids);
		ordered.forEach(days::add);
		List<Object[]> rows = new ArrayList<>();
		List<Object[]> missing = new ArrayList<>();
		for (TicketFacts f : ordered) {
			(created.contains(f.ticketId()) ? missing : rows).add(values(f).toArray());
		}
		int[] updated = rows.isEmpty() ? new int[0] : jdbc.batchUpdate(UPDATE, rows);
		for (int i = 0; i < updated.length; i++) {
			if (updated[i] == 0) {
				missing.add(rows.get(i));
			}
		}
		if (!missing.isEmpty()) {
			jdbc.batchUpdate(INSERT, missing);
		}
		if (!ids.isEmpty()) {
			named.update("delete from ticket_open_span where ticket_id in (:ids)", Map.of("ids", ids));
		}
		List<Object[]> spans = new ArrayList<>();
		for (TicketFacts f : ordered) {
			for (TicketFacts.OpenSpan span : f.openSpans()) {
				spans.add(new Object[] { f.ticketId(), instant(span.openedAt()), instant(span.endedAt()) });
			}
		}
		if (!spans.isEmpty()) {
			jdbc.batchUpdate("insert into ticket_open_span (ticket_id, opened_at, ended_at) values (?, ?, ?)", spans);
		}
		if (!ids.isEmpty()) {
			named.update("delete from ticket_fact_pending where ticket_id in (:ids)", Map.of("ids", ids));
		}
		events.publishEvent(new TicketFactsWritten(days.days()));
	}

	/** The days of the facts and spans these tickets have now, before they are replaced. */
	private FactDays replacedDays(List<Long> ids) {
		FactDays days = new FactDays(zone);
		if (ids.isEmpty()) {
			return days;
		}
		Map<String, List<Long>> params = Map.of("ids", ids);
		named.query("select created_day, resolved_day, closed_day, tto_deadline, ttr_deadline from ticket_fact"
				+ " where ticket_id in (:ids)", params, rs -> {
					days.add(rs.getObject("created_day", LocalDate.class));
					days.add(rs.getObject("resolved_day", LocalDate.class));
					days.add(rs.getObject("closed_day", LocalDate.class));
					days.add(instantOf(rs.getObject("tto_deadline", OffsetDateTime.class)));
					days.add(instantOf(rs.getObject("ttr_deadline", OffsetDateTime.class)));
				});
		named.query("select opened_at, ended_at from ticket_open_span where ticket_id in (:ids)", params, rs -> {
			days.add(instantOf(rs.getObject("opened_at", OffsetDateTime.class)));
			days.add(instantOf(rs.getObject("ended_at", OffsetDateTime.class)));
		});
		return days;
	}

	private static @Nullable Instant instantOf(@Nullable OffsetDateTime at) {
		return at == null ? null : at.toInstant();
	}

	/** The columns' values in the order of {@link #COLUMNS}, then the ticket's id. */
	private static List<Object> values(TicketFacts f) {
		List<Object> values = new ArrayList<>(47);
		values.add(f.type().name());
		values.add(f.channel().name());
		values.add(f.priority().name());
		values.add(nullable(f.categoryId(), Types.BIGINT));
		values.add(nullable(f.groupId(), Types.BIGINT));
		values.add(nullable(f.assigneeId(), Types.BIGINT));
		values.add(nullable(f.department(), Types.VARCHAR));
		values.add(f.status().name());
		values.add(instant(f.createdAt()));
		values.add(day(f.createdDay()));
		values.add(f.createdHour());
		values.add(f.createdWeekday());
		values.add(instant(f.ownedAt()));
		values.add(instant(f.firstResponseAt()));
		values.add(instant(f.resolvedAt()));
		values.add(day(f.resolvedDay()));
		values.add(instant(f.closedAt()));
		values.add(day(f.closedDay()));
		values.add(instant(f.cancelledAt()));
		values.add(f.merged());
		values.add(f.majorIncident());
		values.add(nullable(f.ownSeconds(), Types.BIGINT));
		values.add(nullable(f.ownBusinessSeconds(), Types.BIGINT));
		values.add(nullable(f.firstResponseSeconds(), Types.BIGINT));
		values.add(nullable(f.resolutionSeconds(), Types.BIGINT));
		values.add(nullable(f.resolutionBusinessSeconds(), Types.BIGINT));
		values.add(nullable(f.slaPolicyId(), Types.BIGINT));
		values.add(instant(f.ttoDeadline()));
		values.add(nullable(f.ttoMet(), Types.BOOLEAN));
		values.add(instant(f.ttrDeadline()));
		values.add(nullable(f.ttrMet(), Types.BOOLEAN));
		values.add(f.reopenCount());
		values.add(f.refusalCount());
		values.add(f.functionalEscalations());
		values.add(f.hierarchicalEscalations());
		values.add(f.automaticEscalations());
		values.add(nullable(f.firstGroupId(), Types.BIGINT));
		values.add(nullable(f.resolvedFirstLevel(), Types.BOOLEAN));
		values.add(nullable(f.resolvedFirstContact(), Types.BOOLEAN));
		values.add(nullable(f.rating(), Types.SMALLINT));
		values.add(instant(f.ratedAt()));
		values.add(f.surveyed());
		TicketFacts.ApprovalWait approval = f.approval();
		values.add(instant(approval == null ? null : approval.requestedAt()));
		values.add(instant(approval == null ? null : approval.decidedAt()));
		values.add(nullable(approval == null ? null : approval.outcome().name(), Types.VARCHAR));
		values.add(nullable(approval == null ? null : approval.seconds(), Types.BIGINT));
		values.add(f.ticketId());
		return values;
	}

	private static SqlParameterValue nullable(@Nullable Object value, int type) {
		return new SqlParameterValue(type, value);
	}

	private static SqlParameterValue instant(@Nullable Instant at) {
		return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, at == null ? null : at.atOffset(ZoneOffset.UTC));
	}

	private static SqlParameterValue day(@Nullable LocalDate day) {
		return new SqlParameterValue(Types.DATE, day);
	}

}

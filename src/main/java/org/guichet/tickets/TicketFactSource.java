package org.guichet.tickets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.guichet.directory.Role;
import org.guichet.directory.SupportLevel;
import org.guichet.tickets.FactInput.Change;
import org.guichet.tickets.FactInput.PublicComment;
import org.guichet.tickets.FactInput.Raised;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what the facts of some tickets are derived from, with SQL in the caller's transaction:
 * five queries for a whole batch, whatever its size, and no entity loaded (the persistence
 * context must have been flushed before). The SLA columns are the last ones handed over, as
 * stored in {@code ticket_fact}, unless the caller has newer ones.
 */
@Component
class TicketFactSource {

	/** The history fields a fact depends on: the rest of the audit trail is not read. */
	private static final List<String> FIELDS = List.of("status", "group", "assignee", "pendingReason", "reopening",
			"satisfaction", "mergedInto", "majorIncident", "approvalRequested", "approvalFallback", "approvalRefused",
			"approvalWithdrawn", "selfServiceArticle");

	private final JdbcClient jdbc;

	TicketFactSource(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The inputs of the tickets that exist among {@code ticketIds}.
	 *
	 * @param handedOver SLA columns handed over in this transaction, by ticket id, which win over
	 * the stored ones
	 * @param created those of them inserted in this transaction, which have no stored SLA columns
	 * to read
	 */
	List<FactInput> load(Collection<Long> ticketIds, Map<Long, SlaFacts> handedOver, Set<Long> created) {
		if (ticketIds.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Change>> history = new HashMap<>();
		jdbc.sql("select ticket_id, at, actor_id, field, old_value, new_value from ticket_history"
				+ " where ticket_id in (:ids) and field in (:fields) order by ticket_id, id")
			.param("ids", ticketIds)
			.param("fields", FIELDS)
			.query(rs -> {
				history.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new Change(instant(rs, 2), longOrNull(rs, 3), rs.getString(4), rs.getString(5),
							rs.getString(6)));
			});
		Map<Long, List<PublicComment>> comments = new HashMap<>();
		jdbc.sql("select c.ticket_id, c.created_at, c.author_id = t.requester_id or u.role = :requester,"
				+ " c.merged_from_ticket_id is not null from ticket_comment c join ticket t on t.id = c.ticket_id"
				+ " join app_user u on u.id = c.author_id where c.ticket_id in (:ids) and c.internal = false"
				+ " order by c.ticket_id, c.id")
			.param("ids", ticketIds)
			.param("requester", Role.REQUESTER.name())
			.query(rs -> {
				comments.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new PublicComment(instant(rs, 2), rs.getBoolean(3), rs.getBoolean(4)));
			});
		Map<Long, List<Raised>> escalations = new HashMap<>();
		jdbc.sql("select ticket_id, kind, at from ticket_escalation where ticket_id in (:ids) order by ticket_id, id")
			.param("ids", ticketIds)
			.query(rs -> {
				escalations.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new Raised(EscalationKind.valueOf(rs.getString(2)), instant(rs, 3)));
			});
		Map<Long, SupportLevel> levels = new HashMap<>();
		Map<String, Long> groupIds = new HashMap<>();
		jdbc.sql("select id, name, level from support_group").query(rs -> {
			levels.put(rs.getLong(1), SupportLevel.valueOf(rs.getString(3)));
			groupIds.put(rs.getString(2), rs.getLong(1));
		});
		Map<Long, SlaFacts> stored = new HashMap<>();
		List<Long> existing = ticketIds.stream().filter(id -> !created.contains(id)).toList();
		if (!existing.isEmpty()) {
			jdbc.sql("select ticket_id, sla_policy_id, tto_deadline, tto_met, ttr_deadline, ttr_met, own_business_seconds,"
					+ " resolution_business_seconds from ticket_fact where ticket_id in (:ids)")
				.param("ids", existing)
				.query(rs -> {
					stored.put(rs.getLong(1), new SlaFacts(longOrNull(rs, 2), instant(rs, 3), booleanOrNull(rs, 4),
							instant(rs, 5), booleanOrNull(rs, 6), longOrNull(rs, 7), longOrNull(rs, 8)));
				});
		}
		return jdbc.sql("select t.id, t.type, t.channel, t.priority, t.category_id, t.group_id, t.assignee_id,"
				+ " r.department, t.status, t.created_at, t.owned_at, t.first_response_at, t.resolved_at, t.closed_at,"
				+ " t.satisfaction_rating, t.requester_id, t.registered_by_id, b.role,"
				+ " exists (select 1 from ticket_survey s where s.ticket_id = t.id) surveyed from ticket t"
				+ " join app_user r on r.id = t.requester_id join app_user b on b.id = t.registered_by_id"
				+ " where t.id in (:ids) order by t.id")
			.param("ids", ticketIds)
			.query((rs, row) -> {
				long id = rs.getLong(1);
				SlaFacts sla = handedOver.getOrDefault(id, stored.getOrDefault(id, SlaFacts.NONE));
				return new FactInput(id, TicketType.valueOf(rs.getString(2)), Channel.valueOf(rs.getString(3)),
						Priority.valueOf(rs.getString(4)), longOrNull(rs, 5), longOrNull(rs, 6), longOrNull(rs, 7),
						rs.getString(8), Status.valueOf(rs.getString(9)), instant(rs, 10), instant(rs, 11),
						instant(rs, 12), instant(rs, 13), instant(rs, 14), intOrNull(rs, 15), rs.getBoolean(19), rs.getLong(16),
						rs.getLong(17), Role.valueOf(rs.getString(18)).isAgent(),
						history.getOrDefault(id, List.of()), comments.getOrDefault(id, List.of()),
						escalations.getOrDefault(id, List.of()), levels, groupIds, sla);
			})
			.list();
	}

	private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static @Nullable Long longOrNull(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static @Nullable Integer intOrNull(ResultSet rs, int column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static @Nullable Boolean booleanOrNull(ResultSet rs, int column) throws SQLException {
		boolean value = rs.getBoolean(column);
		return rs.wasNull() ? null : value;
	}

}

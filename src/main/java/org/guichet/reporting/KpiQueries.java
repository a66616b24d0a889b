package org.guichet.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.guichet.tickets.DrillDown.Age;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPIs' SQL over the tickets module's published read model ({@code ticket_fact},
 * {@code ticket_open_span}; columns defined in docs/KPIS.md), one query per edge of a period with
 * conditional aggregates. Runs the same on H2 and PostgreSQL: sums and counts are exact integers,
 * percentiles are {@code percentile_cont} over double precision, rounded by the caller.
 */
@Component
@Transactional(readOnly = true)
class KpiQueries {

	/** The statuses of an open ticket, as the facts write them, in the order the backlog lists them. */
	private static final List<String> OPEN_STATUSES = List.of("NEW", "ASSIGNED", "IN_PROGRESS", "PENDING");

	private final JdbcClient jdbc;

	KpiQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Tickets whose standing resolution falls in [start, end). */
	record Resolved(long count, long timed, long secondsSum, long businessTimed, long businessSecondsSum,
			@Nullable Double p50, @Nullable Double p90, @Nullable Double businessP50, @Nullable Double businessP90,
			long reopened, long firstContact, long firstLevel) {
	}

	/** Tickets created in [start, end). */
	record Created(long count, long owned, long ownSecondsSum, long ownBusinessTimed, long ownBusinessSecondsSum,
			long responded, long responseSecondsSum, long escalated, long functional, long hierarchical,
			long automatic) {
	}

	/** Tickets closed in [start, end). */
	record Closed(long count, long rated, long satisfied, long ratingSum, long surveyed, long surveyedRated) {
	}

	/** Verdicts of one SLA clock whose deadline falls in [start, end) (tickets without a verdict left out). */
	record Verdicts(long met, long missed) {

		long count() {
			return met + missed;
		}

	}

	/**
	 * Approvals decided in [start, end): {@code decided} of them (approved or refused), the sum of
	 * their waits in calendar seconds, and how many were refused.
	 */
	record Approvals(long decided, long secondsSum, long refused) {
	}

	/** Open tickets now, by status and age bucket (ages in 24-hour days before now). */
	record Backlog(long open, Map<String, Long> byStatus, Map<String, Long> byAge) {
	}

	Resolved resolved(FactConditions on, Instant start, Instant end) {
		return jdbc.sql("""
				select count(*) n, count(f.resolution_seconds) timed, coalesce(sum(f.resolution_seconds), 0) s,
				  count(f.resolution_business_seconds) btimed, coalesce(sum(f.resolution_business_seconds), 0) bs,
				  percentile_cont(0.5) within group (order by cast(f.resolution_seconds as double precision)) p50,
				  percentile_cont(0.9) within group (order by cast(f.resolution_seconds as double precision)) p90,
				  percentile_cont(0.5) within group (order by cast(f.resolution_business_seconds as double precision)) bp50,
				  percentile_cont(0.9) within group (order by cast(f.resolution_business_seconds as double precision)) bp90,
				  count(*) filter (where f.reopen_count > 0) reopened,
				  count(*) filter (where f.resolved_first_contact = true) fcr,
				  count(*) filter (where f.resolved_first_level = true) flr
				from ticket_fact f where f.resolved_at >= :start and f.resolved_at < :end""" + on.sql())
			.params(params(on, start, end))
			.query((rs, row) -> new Resolved(rs.getLong("n"), rs.getLong("timed"), rs.getLong("s"),
					rs.getLong("btimed"), rs.getLong("bs"), real(rs, "p50"), real(rs, "p90"), real(rs, "bp50"),
					real(rs, "bp90"), rs.getLong("reopened"), rs.getLong("fcr"), rs.getLong("flr")))
			.single();
	}

	Created created(FactConditions on, Instant start, Instant end) {
		return jdbc.sql("""
				select count(*) n, count(f.own_seconds) owned, coalesce(sum(f.own_seconds), 0) os,
				  count(f.own_business_seconds) obtimed, coalesce(sum(f.own_business_seconds), 0) obs,
				  count(f.first_response_seconds) responded, coalesce(sum(f.first_response_seconds), 0) rs,
				  count(*) filter (where f.functional_escalations > 0 or f.hierarchical_escalations > 0
				    or f.automatic_escalations > 0) escalated,
				  count(*) filter (where f.functional_escalations > 0) functional,
				  count(*) filter (where f.hierarchical_escalations > 0) hierarchical,
				  count(*) filter (where f.automatic_escalations > 0) automatic
				from ticket_fact f where f.created_at >= :start and f.created_at < :end""" + on.sql())
			.params(params(on, start, end))
			.query((rs, row) -> new Created(rs.getLong("n"), rs.getLong("owned"), rs.getLong("os"),
					rs.getLong("obtimed"), rs.getLong("obs"), rs.getLong("responded"), rs.getLong("rs"),
					rs.getLong("escalated"), rs.getLong("functional"), rs.getLong("hierarchical"),
					rs.getLong("automatic")))
			.single();
	}

	Closed closed(FactConditions on, Instant start, Instant end) {
		return jdbc.sql("""
				select count(*) n, count(f.rating) rated, count(*) filter (where f.rating >= 4) satisfied,
				  coalesce(sum(f.rating), 0) rs, count(*) filter (where f.surveyed) surveyed,
				  count(*) filter (where f.surveyed and f.rating is not null) surveyed_rated
				from ticket_fact f where f.closed_at >= :start and f.closed_at < :end""" + on.sql())
			.params(params(on, start, end))
			.query((rs, row) -> new Closed(rs.getLong("n"), rs.getLong("rated"), rs.getLong("satisfied"),
					rs.getLong("rs"), rs.getLong("surveyed"), rs.getLong("surveyed_rated")))
			.single();
	}

	/**
	 * The approvals decided in the period, read from the facts whatever the filter (the daily
	 * figures do not keep them): few tickets wait for an approval, and
	 * {@code ix_ticket_fact_approval_decided} finds those of the period.
	 */
	Approvals approvals(FactConditions on, Instant start, Instant end) {
		return jdbc.sql("""
				select count(*) n, coalesce(sum(f.approval_seconds), 0) s,
				  count(*) filter (where f.approval_outcome = 'REFUSED') refused
				from ticket_fact f where f.approval_decided_at >= :start and f.approval_decided_at < :end""" + on.sql())
			.params(params(on, start, end))
			.query((rs, row) -> new Approvals(rs.getLong("n"), rs.getLong("s"), rs.getLong("refused")))
			.single();
	}

	/** @param clock {@code tto} or {@code ttr} */
	Verdicts verdicts(String clock, FactConditions on, Instant start, Instant end) {
		String deadline = "f." + checkedClock(clock) + "_deadline";
		String met = "f." + clock + "_met";
		return jdbc.sql("select count(*) filter (where " + met + " = true) met, count(*) filter (where " + met
				+ " = false) missed from ticket_fact f where " + deadline + " >= :start and " + deadline + " < :end"
				+ on.sql())
			.params(params(on, start, end))
			.query((rs, row) -> new Verdicts(rs.getLong("met"), rs.getLong("missed")))
			.single();
	}

	/**
	 * The open tickets now by status and by age: a ticket is in the bucket [a, b) days when it was
	 * created at or before now − a days and after now − b days (as the lists' {@code age}). One
	 * branch per open status, each an equality on the status: with the filter's dimension it is
	 * a range of that dimension's index {@code (dimension, status, created_at)} (one branch per
	 * category of a subtree, {@link FactConditions#readBy()}), without one of
	 * {@code ix_ticket_fact_status}; a list of statuses is a range of neither on H2, which then
	 * read every open ticket to test its dimension.
	 */
	Backlog backlog(FactConditions on, Instant now) {
		Map<String, Object> params = new HashMap<>(on.params());
		for (Age bucket : Age.values()) {
			params.put("young_" + bucket.name(), utc(now.minus(Duration.ofDays(bucket.fromDays()))));
			if (bucket.toDays() != null) {
				params.put("old_" + bucket.name(), utc(now.minus(Duration.ofDays(bucket.toDays()))));
			}
		}
		Map<String, Long> byStatus = new HashMap<>();
		Map<String, Long> byAge = new LinkedHashMap<>();
		for (Age bucket : Age.values()) {
			byAge.put(bucket.name(), 0L);
		}
		jdbc.sql(backlogSql(on)).params(params).query(rs -> {
			byStatus.merge(rs.getString("s"), rs.getLong("n"), Long::sum);
			for (Age bucket : Age.values()) {
				byAge.merge(bucket.name(), rs.getLong("a_" + bucket.name()), Long::sum);
			}
		});
		long open = 0;
		Map<String, Long> inOrder = new LinkedHashMap<>();
		for (String status : OPEN_STATUSES) {
			long count = byStatus.getOrDefault(status, 0L);
			inOrder.put(status, count);
			open += count;
		}
		return new Backlog(open, inOrder, byAge);
	}

	/** {@link #backlog}'s query, its age bounds {@code :young_<bucket>} and {@code :old_<bucket>}. */
	static String backlogSql(FactConditions on) {
		StringBuilder ages = new StringBuilder();
		for (Age bucket : Age.values()) {
			ages.append(", count(*) filter (where f.created_at <= :young_").append(bucket.name());
			if (bucket.toDays() != null) {
				ages.append(" and f.created_at > :old_").append(bucket.name());
			}
			ages.append(") a_").append(bucket.name());
		}
		List<String> branches = new ArrayList<>();
		for (String status : OPEN_STATUSES) {
			for (FactConditions by : on.readBy()) {
				branches.add("select '" + status + "' s, count(*) n" + ages + " from ticket_fact f where f.status = '"
						+ status + "'" + by.sql());
			}
		}
		return String.join(" union all ", branches);
	}

	/**
	 * The tickets open at each instant, as docs/KPIS.md "Open spans" counts them: a span opened at
	 * or before the instant and not ended at or before it. One query, one conditional count per
	 * instant.
	 *
	 * @param instants in increasing order, at least one
	 */
	List<Long> openAt(FactConditions on, List<Instant> instants) {
		Map<String, Object> params = new HashMap<>(on.params());
		StringBuilder sql = new StringBuilder("select ");
		for (int i = 0; i < instants.size(); i++) {
			sql.append(i == 0 ? "" : ", ")
				.append("count(*) filter (where s.opened_at <= :e")
				.append(i)
				.append(" and (s.ended_at is null or s.ended_at > :e")
				.append(i)
				.append(")) c")
				.append(i);
			params.put("e" + i, utc(instants.get(i)));
		}
		sql.append(" from ticket_open_span s join ticket_fact f on f.ticket_id = s.ticket_id")
			.append(" where s.opened_at <= :last and (s.ended_at is null or s.ended_at > :first)")
			.append(on.sql());
		params.put("first", utc(instants.get(0)));
		params.put("last", utc(instants.get(instants.size() - 1)));
		return jdbc.sql(sql.toString()).params(params).query((rs, row) -> {
			List<Long> counts = new ArrayList<>();
			for (int i = 0; i < instants.size(); i++) {
				counts.add(rs.getLong("c" + i));
			}
			return counts;
		}).single();
	}

	/**
	 * The open spans begun in (after, upTo] less those ended in (after, upTo]: how much the
	 * backlog changed from one instant to the other, as {@link #openAt} counts it.
	 */
	long spanBalance(FactConditions on, Instant after, Instant upTo) {
		Map<String, Object> params = params(on, after, upTo);
		long balance = 0;
		for (String edge : List.of("opened_at", "ended_at")) {
			long count = jdbc.sql("select count(*) from " + KpiDays.SPANS_OF_A_RANGE
					+ " where s." + edge + " > :start and s." + edge + " <= :end" + on.sql())
				.params(params)
				.query(Long.class)
				.single();
			balance += edge.equals("opened_at") ? count : -count;
		}
		return balance;
	}

	/**
	 * Tickets per local day of one edge in [start, end).
	 *
	 * @param edge {@code created}, {@code resolved} or {@code closed}
	 */
	Map<LocalDate, Long> perDay(String edge, FactConditions on, Instant start, Instant end) {
		String column = "f." + checkedEdge(edge);
		Map<LocalDate, Long> counts = new HashMap<>();
		jdbc.sql("select " + column + "_day d, count(*) n from ticket_fact f where " + column + "_at >= :start and "
				+ column + "_at < :end" + on.sql() + " group by " + column + "_day")
			.params(params(on, start, end))
			.query((rs, row) -> counts.put(rs.getObject("d", LocalDate.class), rs.getLong("n")))
			.list();
		return counts;
	}

	/**
	 * Tickets created in [start, end) by the value of one column, values absent left out, most
	 * first then by value.
	 */
	List<Map.Entry<String, Long>> createdBy(VolumeDimension dimension, FactConditions on, Instant start, Instant end) {
		String column = switch (dimension) {
			case CHANNEL -> "f.channel";
			case CATEGORY -> "f.category_id";
			case TYPE -> "f.type";
			case GROUP -> "f.group_id";
			case TECHNICIAN -> "f.assignee_id";
			case PRIORITY -> "f.priority";
		};
		return jdbc.sql("select " + column + " k, count(*) n from ticket_fact f where f.created_at >= :start"
				+ " and f.created_at < :end and " + column + " is not null" + on.sql() + " group by " + column
				+ " order by count(*) desc, " + column)
			.params(params(on, start, end))
			.query((rs, row) -> Map.entry(rs.getString("k"), rs.getLong("n")))
			.list();
	}

	/** Tickets created in [start, end) per local ISO weekday (1 = Monday) and hour: {weekday, hour, count}. */
	List<long[]> heatmap(FactConditions on, Instant start, Instant end) {
		return jdbc.sql("select f.created_weekday w, f.created_hour h, count(*) n from ticket_fact f"
				+ " where f.created_at >= :start and f.created_at < :end" + on.sql()
				+ " group by f.created_weekday, f.created_hour order by f.created_weekday, f.created_hour")
			.params(params(on, start, end))
			.query((rs, row) -> new long[] { rs.getInt("w"), rs.getInt("h"), rs.getLong("n") })
			.list();
	}

	/**
	 * The missed deadlines of one clock falling in [start, end), latest first, at most
	 * {@code limit} (none read when it is 0). Read backwards along the missed verdicts' index
	 * ({@code (tto_met | ttr_met, deadline)}, in its whole key's order, which H2 needs to read an
	 * index in order): a filter's few breaches are found among the breaches only, not among every
	 * deadline of the period. A filter of one dimension and one value reads its own index
	 * {@code (dimension, met, deadline)} the same way, ordered by that dimension first.
	 *
	 * @param limit the most to list; give the filter's count of missed verdicts when it is known
	 * and smaller, so that the read stops at the last one instead of going on to the period's start
	 */
	List<Breach> breaches(String clock, FactConditions on, Instant start, Instant end, int limit) {
		if (limit <= 0) {
			return List.of();
		}
		return jdbc.sql(breachesSql(clock, on, limit))
			.params(params(on, start, end))
			.query((rs, row) -> new Breach(rs.getLong("ticket_id"), rs.getString("title"),
					clock.toUpperCase(java.util.Locale.ROOT), instant(rs, "deadline"), nullableInstant(rs, "done"),
					nullableLong(rs, "group_id"), nullableLong(rs, "assignee_id")))
			.list();
	}

	/** {@link #breaches}' query, its period {@code :start} and {@code :end}. */
	static String breachesSql(String clock, FactConditions on, int limit) {
		String deadline = "f." + checkedClock(clock) + "_deadline";
		String met = "f." + clock + "_met";
		String done = clock.equals("tto") ? "f.owned_at" : "f.resolved_at";
		return latest(on, by -> "select f.ticket_id, t.title, " + deadline + " deadline, " + done
				+ " done, f.group_id, f.assignee_id from ticket_fact f join ticket t on t.id = f.ticket_id where "
				+ met + " = false and " + deadline + " >= :start and " + deadline + " < :end" + by.sql()
				+ " order by " + leading(by) + met + " desc, " + deadline + " desc, f.ticket_id desc fetch first "
				+ limit + " rows only", "deadline desc, ticket_id desc", limit);
	}

	/**
	 * The satisfaction comments of tickets closed in [start, end), latest closed first (read
	 * backwards along the closures' index, or the index {@code (dimension, closed_at)} of a filter
	 * of one dimension and one value, stopping at {@code limit}), at most {@code limit} (none read
	 * when it is 0).
	 */
	List<SatisfactionComment> comments(FactConditions on, Instant start, Instant end, int limit) {
		if (limit <= 0) {
			return List.of();
		}
		return jdbc.sql(commentsSql(on, limit))
			.params(params(on, start, end))
			.query((rs, row) -> new SatisfactionComment(rs.getLong("ticket_id"), rs.getInt("rating"),
					instant(rs, "rated_at"),
					rs.getString("c").strip()))
			.list();
	}

	/**
	 * The query of a list's latest rows: the branch's own query when the conditions are read in
	 * one branch; else each branch's latest {@code limit} rows, merged in {@code order} and cut at
	 * {@code limit}, so that each branch reads its own index in order and stops.
	 *
	 * @param branch the query of one branch, ordered and limited
	 * @param order the order of the merged rows, by the branch's column names
	 */
	private static String latest(FactConditions on, Function<FactConditions, String> branch, String order,
			int limit) {
		List<FactConditions> readBy = on.readBy();
		if (readBy.size() == 1) {
			return branch.apply(readBy.get(0));
		}
		return "select * from (" + String.join(" union all ", readBy.stream().map(by -> "(" + branch.apply(by) + ")")
			.toList()) + ") latest order by " + order + " fetch first " + limit + " rows only";
	}

	/**
	 * The filter's one dimension as the first key of an order ({@code "f.assignee_id desc, "}), a
	 * constant among the rows it selects, so that the order is that of the index starting with
	 * it; empty for any other filter.
	 */
	private static String leading(FactConditions on) {
		return on.orderedBy() == null ? "" : on.orderedBy() + " desc, ";
	}

	/** {@link #comments}' query, its period {@code :start} and {@code :end}. */
	static String commentsSql(FactConditions on, int limit) {
		return latest(on, by -> "select f.ticket_id, f.rating, coalesce(f.rated_at, f.closed_at) rated_at,"
				+ " f.closed_at, t.satisfaction_comment c from ticket_fact f"
				+ " join ticket t on t.id = f.ticket_id where f.closed_at >= :start and f.closed_at < :end"
				+ " and f.rating is not null and t.satisfaction_comment is not null"
				+ " and trim(t.satisfaction_comment) <> ''" + by.sql()
				+ " order by " + leading(by) + "f.closed_at desc, f.ticket_id desc fetch first " + limit + " rows only",
				"closed_at desc, ticket_id desc", limit);
	}

	private static Map<String, Object> params(FactConditions on, Instant start, Instant end) {
		Map<String, Object> params = new HashMap<>(on.params());
		params.put("start", utc(start));
		params.put("end", utc(end));
		return params;
	}

	private static String checkedClock(String clock) {
		if (!clock.equals("tto") && !clock.equals("ttr")) {
			throw new IllegalArgumentException("No SLA clock " + clock);
		}
		return clock;
	}

	private static String checkedEdge(String edge) {
		if (!List.of("created", "resolved", "closed").contains(edge)) {
			throw new IllegalArgumentException("No period edge " + edge);
		}
		return edge;
	}

	/** Both databases bind an offset date-time to {@code timestamp with time zone} exactly. */
	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static @Nullable Double real(ResultSet rs, String column) throws SQLException {
		Object value = rs.getObject(column);
		return value == null ? null : ((Number) value).doubleValue();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}

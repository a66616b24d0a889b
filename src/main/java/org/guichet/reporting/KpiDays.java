package org.guichet.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The KPIs' figures per local day and per value of one dimension ({@code kpi_day}, docs/KPIS.md
 * "Daily figures"): computed here from the facts, read back summed over a period. A day's row
 * holds exactly what the facts' queries of {@link KpiQueries} count over that day, so a period of
 * whole days sums to what they give over it. Runs in the caller's transaction; days are local to
 * {@code guichet.time-zone}.
 */
@Component
class KpiDays {

	/** The dimensions rows are kept by, {@code ALL} being every ticket (value ''), with their fact column. */
	enum Dimension {

		ALL(null, false), TYPE("type", false), CHANNEL("channel", false), PRIORITY("priority", false),
		CATEGORY("category_id", true), GROUP("group_id", true), TECHNICIAN("assignee_id", true),
		DEPARTMENT("department", false);

		private final @Nullable String column;

		/** Whether the values are ids, ordered as numbers. */
		private final boolean ids;

		Dimension(@Nullable String column, boolean ids) {
			this.column = column;
			this.ids = ids;
		}

	}

	private static final String DIMENSION_COLUMNS = "f.type, f.channel, f.priority, f.category_id, f.group_id,"
			+ " f.assignee_id, f.department";

	/**
	 * The open spans with their ticket's facts, for a query that selects the spans begun or ended in
	 * a short range. {@code + 0} keeps H2 from scanning every fact and reading each one's spans
	 * through their primary key (ticket, opened_at): it must start from the range of the span index.
	 */
	static final String SPANS_OF_A_RANGE = "ticket_open_span s join ticket_fact f on f.ticket_id = s.ticket_id + 0";

	private static final String COUNTS = "created, owned, own_seconds, own_business_timed, own_business_seconds,"
			+ " responded, response_seconds, escalated, functional, hierarchical, automatic, created_hours, resolved,"
			+ " resolution_timed, resolution_seconds, business_timed, business_seconds, reopened, first_contact,"
			+ " first_level, closed, rated, satisfied, rating_sum, tto_met, tto_missed, ttr_met, ttr_missed,"
			+ " spans_opened, spans_ended, surveyed, surveyed_rated";

	private static final String INSERT = "insert into kpi_day (dimension, dim_value, local_day, " + COUNTS
			+ ", resolution_values, business_values) values (" + "?, ".repeat(COUNTS.split(",").length + 4) + "?)";

	/**
	 * The rows a filter reads: one dimension and the values summed (a category with its
	 * sub-categories is several values).
	 */
	record Slice(Dimension dimension, Collection<String> values) {

		static final Slice ALL = new Slice(Dimension.ALL, List.of(""));

	}

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final ZoneId zone;

	KpiDays(JdbcTemplate jdbc, @Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.zone = zone;
	}

	/**
	 * Computes these days' figures again from the facts as they are now, replacing their rows. Each
	 * run of consecutive days is read with one query per edge.
	 */
	void compute(Collection<LocalDate> days) {
		List<Object[]> rows = new ArrayList<>();
		for (List<LocalDate> run : runs(days)) {
			figuresOf(run).forEach((day, byKey) -> byKey.forEach((key, figures) -> rows.add(row(key, day, figures))));
		}
		for (List<LocalDate> chunk : chunks(List.copyOf(days))) {
			named.update("delete from kpi_day where local_day in (:days)", Map.of("days", chunk));
		}
		jdbc.batchUpdate(INSERT, rows);
	}

	/** The days in order, cut where one is missing. */
	private static List<List<LocalDate>> runs(Collection<LocalDate> days) {
		List<List<LocalDate>> runs = new ArrayList<>();
		List<LocalDate> run = new ArrayList<>();
		for (LocalDate day : new TreeSet<>(days)) {
			if (!run.isEmpty() && !run.get(run.size() - 1).plusDays(1).equals(day)) {
				runs.add(run);
				run = new ArrayList<>();
			}
			run.add(day);
		}
		if (!run.isEmpty()) {
			runs.add(run);
		}
		return runs;
	}

	/** A dimension and its value, the key of a day's row. */
	private record Key(Dimension dimension, String value) {
	}

	/** The figures by key of each day of a run of consecutive days, from the facts whose edges fall on them. */
	private Map<LocalDate, Map<Key, DayFigures>> figuresOf(List<LocalDate> run) {
		Instant start = run.get(0).atStartOfDay(zone).toInstant();
		Instant end = run.get(run.size() - 1).plusDays(1).atStartOfDay(zone).toInstant();
		Map<LocalDate, Map<Key, DayFigures>> byDay = new HashMap<>();
		Edge from = new Edge(byDay, start, end);
		from.each("f.created_at", false, "f.created_hour, f.own_seconds, f.own_business_seconds, f.first_response_seconds,"
				+ " f.functional_escalations, f.hierarchical_escalations, f.automatic_escalations", "ticket_fact f", rs -> {
					int hour = rs.getInt("created_hour");
					Long own = nullableLong(rs, "own_seconds");
					Long ownBusiness = nullableLong(rs, "own_business_seconds");
					Long response = nullableLong(rs, "first_response_seconds");
					int functional = rs.getInt("functional_escalations");
					int hierarchical = rs.getInt("hierarchical_escalations");
					int automatic = rs.getInt("automatic_escalations");
					return figures -> {
						figures.created++;
						figures.createdHours[hour]++;
						if (own != null) {
							figures.owned++;
							figures.ownSeconds += own;
						}
						if (ownBusiness != null) {
							figures.ownBusinessTimed++;
							figures.ownBusinessSeconds += ownBusiness;
						}
						if (response != null) {
							figures.responded++;
							figures.responseSeconds += response;
						}
						if (functional > 0 || hierarchical > 0 || automatic > 0) {
							figures.escalated++;
						}
						figures.functional += functional > 0 ? 1 : 0;
						figures.hierarchical += hierarchical > 0 ? 1 : 0;
						figures.automatic += automatic > 0 ? 1 : 0;
					};
				});
		from.each("f.resolved_at", false, "f.resolution_seconds, f.resolution_business_seconds, f.reopen_count,"
				+ " f.resolved_first_contact, f.resolved_first_level", "ticket_fact f", rs -> {
					Long seconds = nullableLong(rs, "resolution_seconds");
					Long business = nullableLong(rs, "resolution_business_seconds");
					boolean reopened = rs.getInt("reopen_count") > 0;
					boolean firstContact = Boolean.TRUE.equals(rs.getObject("resolved_first_contact", Boolean.class));
					boolean firstLevel = Boolean.TRUE.equals(rs.getObject("resolved_first_level", Boolean.class));
					return figures -> {
						figures.resolved++;
						if (seconds != null) {
							figures.resolutionTimed++;
							figures.resolutionValues.add(seconds);
							figures.resolutionSeconds += seconds;
						}
						if (business != null) {
							figures.businessTimed++;
							figures.businessValues.add(business);
							figures.businessSeconds += business;
						}
						figures.reopened += reopened ? 1 : 0;
						figures.firstContact += firstContact ? 1 : 0;
						figures.firstLevel += firstLevel ? 1 : 0;
					};
				});
		from.each("f.closed_at", false, "f.rating, f.surveyed", "ticket_fact f", rs -> {
			Long rating = nullableLong(rs, "rating");
			boolean surveyed = rs.getBoolean("surveyed");
			return figures -> {
				figures.closed++;
				figures.surveyed += surveyed ? 1 : 0;
				if (rating != null) {
					figures.surveyedRated += surveyed ? 1 : 0;
					figures.rated++;
					figures.ratingSum += rating;
					figures.satisfied += rating >= 4 ? 1 : 0;
				}
			};
		});
		from.each("f.tto_deadline", false, "f.tto_met", "ticket_fact f", rs -> {
			Boolean met = rs.getObject("tto_met", Boolean.class);
			return figures -> {
				figures.ttoMet += Boolean.TRUE.equals(met) ? 1 : 0;
				figures.ttoMissed += Boolean.FALSE.equals(met) ? 1 : 0;
			};
		});
		from.each("f.ttr_deadline", false, "f.ttr_met", "ticket_fact f", rs -> {
			Boolean met = rs.getObject("ttr_met", Boolean.class);
			return figures -> {
				figures.ttrMet += Boolean.TRUE.equals(met) ? 1 : 0;
				figures.ttrMissed += Boolean.FALSE.equals(met) ? 1 : 0;
			};
		});
		// "open at an instant" counts a span begun or ended exactly at it: a midnight belongs to the day it ends
		from.each("s.opened_at", true, "", SPANS_OF_A_RANGE, rs -> figures -> figures.spansOpened++);
		from.each("s.ended_at", true, "", SPANS_OF_A_RANGE, rs -> figures -> figures.spansEnded++);
		return byDay;
	}

	/** Reads one fact row's values and gives what they add to a day's figures. */
	@FunctionalInterface
	private interface Contribution {

		Consumer<DayFigures> of(ResultSet rs) throws SQLException;

	}

	/** The rows of one edge of a run of days: those whose instant falls in [start, end). */
	private final class Edge {

		private final Map<LocalDate, Map<Key, DayFigures>> byDay;

		private final Instant start;

		private final Instant end;

		Edge(Map<LocalDate, Map<Key, DayFigures>> byDay, Instant start, Instant end) {
			this.byDay = byDay;
			this.start = start;
			this.end = end;
		}

		/**
		 * Adds each row of {@code from} whose {@code instant} falls in the run to the figures of its
		 * day, for every key the row has.
		 *
		 * @param endInclusive whether an instant counts for the day it ends ({@code (start, end]},
		 * the open spans) rather than the day it begins ({@code [start, end)})
		 */
		void each(String instant, boolean endInclusive, String columns, String from, Contribution contribution) {
			String range = endInclusive ? instant + " > ? and " + instant + " <= ?" : instant + " >= ? and " + instant + " < ?";
			jdbc.query("select " + DIMENSION_COLUMNS + ", " + instant + " edge_at" + (columns.isEmpty() ? "" : ", " + columns)
					+ " from " + from + " where " + range, rs -> {
						Instant at = rs.getObject("edge_at", OffsetDateTime.class).toInstant();
						LocalDate day = (endInclusive ? at.minusNanos(1) : at).atZone(zone).toLocalDate();
						Map<Key, DayFigures> byKey = byDay.computeIfAbsent(day, d -> new HashMap<>());
						Consumer<DayFigures> adds = contribution.of(rs);
						for (Key key : keys(rs)) {
							adds.accept(byKey.computeIfAbsent(key, k -> new DayFigures()));
						}
					}, utc(start), utc(end));
		}

	}

	/** The keys of a fact row: every ticket, then each dimension it has a value for. */
	private static List<Key> keys(ResultSet rs) throws SQLException {
		List<Key> keys = new ArrayList<>(8);
		for (Dimension dimension : Dimension.values()) {
			String value = dimension.column == null ? "" : rs.getString(dimension.column);
			if (value != null) {
				keys.add(new Key(dimension, value));
			}
		}
		return keys;
	}

	private static Object[] row(Key key, LocalDate day, DayFigures f) {
		return new Object[] { key.dimension().name(), key.value(), day, f.created, f.owned, f.ownSeconds, f.ownBusinessTimed,
				f.ownBusinessSeconds, f.responded, f.responseSeconds, f.escalated, f.functional, f.hierarchical,
				f.automatic, f.hoursText(), f.resolved, f.resolutionTimed, f.resolutionSeconds,
				f.businessTimed, f.businessSeconds, f.reopened, f.firstContact, f.firstLevel, f.closed,
				f.rated, f.satisfied, f.ratingSum, f.ttoMet, f.ttoMissed, f.ttrMet, f.ttrMissed, f.spansOpened,
				f.spansEnded, f.surveyed, f.surveyedRated, f.resolutionValues.encode(), f.businessValues.encode() };
	}

	/**
	 * The sum of the slice's rows over the days of the range.
	 *
	 * @param withDurations whether to read the resolution durations too (for the percentiles)
	 */
	DayFigures sum(Slice slice, DateRange range, boolean withDurations) {
		DayFigures total = new DayFigures();
		named.query("select " + COUNTS + (withDurations ? ", resolution_values, business_values" : "")
				+ " from kpi_day where dimension = :dimension and dim_value in (:values) and local_day >= :from and local_day <= :to",
				params(slice, range), rs -> {
					addCounts(rs, total);
					if (withDurations) {
						total.resolutionValues.addEncoded(rs.getBytes("resolution_values"));
						total.businessValues.addEncoded(rs.getBytes("business_values"));
					}
				});
		return total;
	}

	/** The slice's figures of each day of the range that has a row (durations left out). */
	Map<LocalDate, DayFigures> perDay(Slice slice, DateRange range) {
		Map<LocalDate, DayFigures> days = new TreeMap<>();
		named.query("select local_day, " + COUNTS + " from kpi_day where dimension = :dimension and dim_value in (:values)"
				+ " and local_day >= :from and local_day <= :to", params(slice, range),
				(RowCallbackHandler) rs -> addCounts(rs,
						days.computeIfAbsent(rs.getObject("local_day", LocalDate.class), d -> new DayFigures())));
		return days;
	}

	/**
	 * The open spans begun minus those ended, per day up to {@code last} included, for the slice:
	 * the backlog at the end of a day is their sum over every day up to it.
	 */
	Map<LocalDate, Long> openedMinusEnded(Slice slice, LocalDate last) {
		Map<LocalDate, Long> days = new TreeMap<>();
		Map<String, Object> params = new HashMap<>();
		params.put("dimension", slice.dimension().name());
		params.put("values", slice.values());
		params.put("last", last);
		named.query("select local_day, spans_opened - spans_ended n from kpi_day where dimension = :dimension"
				+ " and dim_value in (:values) and local_day <= :last", params,
				(RowCallbackHandler) rs -> days.merge(rs.getObject("local_day", LocalDate.class), rs.getLong("n"), Long::sum));
		return days;
	}

	/**
	 * Tickets created in the range by value of one dimension, values absent left out, most first
	 * then by value (by number for ids), as {@link KpiQueries#createdBy} orders them.
	 */
	List<Map.Entry<String, Long>> createdBy(Dimension dimension, DateRange range) {
		Map<String, Long> counts = new LinkedHashMap<>();
		Map<String, Object> params = new HashMap<>();
		params.put("dimension", dimension.name());
		params.put("from", range.from());
		params.put("to", range.to());
		named.query("select dim_value, sum(created) n from kpi_day where dimension = :dimension and local_day >= :from"
				+ " and local_day <= :to group by dim_value", params,
				(RowCallbackHandler) rs -> counts.put(rs.getString("dim_value"), rs.getLong("n")));
		Comparator<String> byValue = dimension.ids ? Comparator.comparingLong(Long::parseLong) : Comparator.naturalOrder();
		return counts.entrySet()
			.stream()
			.filter(entry -> entry.getValue() > 0)
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry::getKey, byValue))
			.map(entry -> Map.entry(entry.getKey(), entry.getValue()))
			.toList();
	}

	private static Map<String, Object> params(Slice slice, DateRange range) {
		Map<String, Object> params = new HashMap<>();
		params.put("dimension", slice.dimension().name());
		params.put("values", slice.values());
		params.put("from", range.from());
		params.put("to", range.to());
		return params;
	}

	private static void addCounts(ResultSet rs, DayFigures f) throws SQLException {
		f.created += rs.getLong("created");
		f.owned += rs.getLong("owned");
		f.ownSeconds += rs.getLong("own_seconds");
		f.ownBusinessTimed += rs.getLong("own_business_timed");
		f.ownBusinessSeconds += rs.getLong("own_business_seconds");
		f.responded += rs.getLong("responded");
		f.responseSeconds += rs.getLong("response_seconds");
		f.escalated += rs.getLong("escalated");
		f.functional += rs.getLong("functional");
		f.hierarchical += rs.getLong("hierarchical");
		f.automatic += rs.getLong("automatic");
		f.addHoursText(rs.getString("created_hours"));
		f.resolved += rs.getLong("resolved");
		f.resolutionTimed += rs.getLong("resolution_timed");
		f.resolutionSeconds += rs.getLong("resolution_seconds");
		f.businessTimed += rs.getLong("business_timed");
		f.businessSeconds += rs.getLong("business_seconds");
		f.reopened += rs.getLong("reopened");
		f.firstContact += rs.getLong("first_contact");
		f.firstLevel += rs.getLong("first_level");
		f.closed += rs.getLong("closed");
		f.rated += rs.getLong("rated");
		f.surveyed += rs.getLong("surveyed");
		f.surveyedRated += rs.getLong("surveyed_rated");
		f.satisfied += rs.getLong("satisfied");
		f.ratingSum += rs.getLong("rating_sum");
		f.ttoMet += rs.getLong("tto_met");
		f.ttoMissed += rs.getLong("tto_missed");
		f.ttrMet += rs.getLong("ttr_met");
		f.ttrMissed += rs.getLong("ttr_missed");
		f.spansOpened += rs.getLong("spans_opened");
		f.spansEnded += rs.getLong("spans_ended");
	}

	// --- Days to compute again

	/** Records that these days' figures must be computed again (in the caller's transaction). */
	void markStale(Set<LocalDate> days) {
		jdbc.batchUpdate("insert into kpi_day_stale (local_day) values (?)", days.stream().map(day -> new Object[] { day }).toList());
	}

	/** The list cut in pieces of at most 1,000 (an {@code in (…)} list's size). */
	static <T> List<List<T>> chunks(List<T> all) {
		List<List<T>> chunks = new ArrayList<>();
		for (int i = 0; i < all.size(); i += 1000) {
			chunks.add(all.subList(i, Math.min(all.size(), i + 1000)));
		}
		return chunks;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}

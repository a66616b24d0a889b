package org.guichet.reporting.review;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.stream.Stream;

import org.guichet.reporting.FactConditions;
import org.guichet.reporting.KpiFilter;
import org.guichet.tickets.Categories;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The resolutions of a review's month, read from the tickets module's published facts
 * ({@code ticket_fact}, docs/KPIS.md): how long the tickets resolved in the period took (their
 * standing resolution, calendar time from creation), spread over {@link #BUCKETS}, and the
 * longest of them. One pass over the period's resolved tickets, by the index on
 * {@code resolved_at}: never more than the month's tickets.
 */
@Component
class MonthResolutions {

	/** The upper bounds (excluded) of the distribution's buckets; the last bucket has none. */
	static final List<Duration> BUCKETS = List.of(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(8),
			Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7));

	private final JdbcClient jdbc;

	private final Categories categories;

	private final ZoneId zone;

	MonthResolutions(JdbcClient jdbc, Categories categories, @Value("${guichet.time-zone:Europe/Paris}") String zone) {
		this.jdbc = jdbc;
		this.categories = categories;
		this.zone = ZoneId.of(zone);
	}

	/**
	 * @param ticketId the ticket
	 * @param seconds calendar seconds from creation to the resolution that stands
	 * @param businessSeconds the TTR clock's business seconds, null without SLA policy
	 */
	record Resolution(long ticketId, long seconds, @Nullable Long businessSeconds) {
	}

	/**
	 * @param counts the tickets per bucket: {@code BUCKETS.size() + 1} counts, shortest first
	 * @param longest the longest resolutions, longest first, at most the number asked for
	 */
	record Spread(List<Long> counts, List<Resolution> longest) {
	}

	/**
	 * The resolutions of the tickets the filter selects whose standing resolution falls in its
	 * period (the filter as the KPIs apply it, already narrowed to the reader's scope).
	 *
	 * @param longest how many of the longest to keep
	 */
	Spread of(KpiFilter filter, int longest) {
		Instant start = filter.period().start(zone);
		Instant end = filter.period().end(zone);
		StringBuilder sql = new StringBuilder("select f.ticket_id, f.resolution_seconds, f.resolution_business_seconds"
				+ " from ticket_fact f where f.resolved_at >= :start and f.resolved_at < :end"
				+ " and f.resolution_seconds is not null");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("start", Timestamp.from(start));
		params.put("end", Timestamp.from(end));
		FactConditions conditions = FactConditions.of(filter, categories);
		sql.append(conditions.sql());
		params.putAll(conditions.params());
		long[] counts = new long[BUCKETS.size() + 1];
		PriorityQueue<Resolution> top = new PriorityQueue<>(Comparator.comparingLong(Resolution::seconds)
			.thenComparing(Resolution::ticketId, Comparator.reverseOrder()));
		try (Stream<Resolution> rows = jdbc.sql(sql.toString())
			.params(params)
			.query((row, n) -> new Resolution(row.getLong(1), row.getLong(2),
					row.getObject(3) == null ? null : row.getLong(3)))
			.stream()) {
			rows.forEach(resolution -> {
				counts[bucket(resolution.seconds())]++;
				top.add(resolution);
				if (top.size() > longest) {
					top.poll();
				}
			});
		}
		List<Resolution> longestFirst = new ArrayList<>(top);
		longestFirst.sort(Comparator.comparingLong(Resolution::seconds).reversed()
			.thenComparingLong(Resolution::ticketId));
		List<Long> countList = new ArrayList<>();
		for (long count : counts) {
			countList.add(count);
		}
		return new Spread(countList, longestFirst);
	}

	static int bucket(long seconds) {
		for (int i = 0; i < BUCKETS.size(); i++) {
			if (seconds < BUCKETS.get(i).toSeconds()) {
				return i;
			}
		}
		return BUCKETS.size();
	}

}

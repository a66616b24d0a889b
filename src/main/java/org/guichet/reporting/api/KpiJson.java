package org.guichet.reporting.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guichet.reporting.BacklogTrend;
import org.guichet.reporting.Breach;
import org.guichet.reporting.DateRange;
import org.guichet.reporting.Kpi;
import org.guichet.reporting.KpiComparison;
import org.guichet.reporting.KpiReport;
import org.guichet.reporting.KpiTarget;
import org.guichet.reporting.KpiUnit;
import org.guichet.reporting.SatisfactionComment;
import org.guichet.reporting.Volumes;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The JSON of the KPI endpoints. A value is written in its unit: an ISO-8601 duration for a
 * {@link KpiUnit#DURATION} ({@code "PT29H15M"}, with {@code seconds} beside it), a number otherwise
 * (0–1 for a ratio). A drill-down is given as its parameters and as the link to the list of its
 * tickets, {@code /api/v1/tickets?…}.
 */
final class KpiJson {

	/** Where a drill-down's tickets are listed. */
	static final String TICKETS = "/api/v1/tickets";

	/** Where the recurring incidents of a filter are computed (too long for the report's budget). */
	static final String RECURRING_INCIDENTS = "/api/v1/kpis/recurring-incidents";

	private KpiJson() {
	}

	record Period(LocalDate from, LocalDate to) {

		static Period of(DateRange range) {
			return new Period(range.from(), range.to());
		}

	}

	/**
	 * @param recurringIncidents where the recurring incidents of the same filter are: they read
	 * every incident's title and cluster them, which a year at a million tickets cannot do within
	 * the report's time budget, so they are computed on their own request (docs/KPIS.md)
	 */
	record Report(Instant asOf, Period period, Period previousPeriod, Map<String, String> filter,
			Map<String, KpiView> kpis, LinkView recurringIncidents, List<BreachView> breaches,
			List<CommentView> comments) {
	}

	/** @param deflectionRate the deflection rate and its details, compared with {@code previousPeriod} */
	record DeflectionView(Period period, Period previousPeriod, KpiView deflectionRate) {
	}

	/** @param link a path with its query, to GET */
	record LinkView(String link) {
	}

	/**
	 * @param seconds the value in seconds for a duration, null otherwise
	 * @param link the list of the {@code count} tickets, null when no list selects exactly them
	 */
	record KpiView(KpiUnit unit, @Nullable Object value, @Nullable Long seconds, long count,
			@Nullable Object previousValue, @Nullable TargetView target, @Nullable Boolean met,
			@Nullable Map<String, String> drillDown, @Nullable String link, Map<String, KpiView> details) {
	}

	/** @param value in the KPI's unit, written as the KPI's value is */
	record TargetView(String kpi, KpiComparison comparison, Object value) {
	}

	record BreachView(long ticketId, String title, String clock, Instant deadline, @Nullable Instant doneAt,
			@Nullable Long groupId, @Nullable Long assigneeId, String link) {
	}

	record CommentView(long ticketId, int rating, Instant ratedAt, String comment, String link) {
	}

	record Trend(Period period, List<BacklogTrend.Point> days) {
	}

	record VolumesView(Period period, String granularity, List<PointView> series,
			Map<String, List<DimensionView>> byDimension, List<CellView> heatmap) {
	}

	/** @param links the list of each count's tickets, by the count's name */
	record PointView(LocalDate start, LocalDate end, long created, long resolved, long closed,
			Map<String, Map<String, String>> drillDowns, Map<String, String> links) {
	}

	record DimensionView(String key, @Nullable String label, long created, Map<String, String> drillDown,
			String link) {
	}

	record CellView(int weekday, int hour, long created, Map<String, String> drillDown, String link) {
	}

	static Report report(KpiReport report) {
		Map<String, KpiView> kpis = new LinkedHashMap<>();
		report.kpis().forEach((name, kpi) -> kpis.put(name, view(kpi)));
		return new Report(report.asOf(), Period.of(report.period()), Period.of(report.previousPeriod()),
				report.filter().toParameters(), kpis,
				new LinkView(link(RECURRING_INCIDENTS, report.filter().toParameters())),
				report.breaches().stream().map(KpiJson::breach).toList(),
				report.comments().stream().map(KpiJson::comment).toList());
	}

	static KpiView view(Kpi kpi) {
		Map<String, KpiView> details = new LinkedHashMap<>();
		kpi.details().forEach(detail -> details.put(detail.name(), view(detail)));
		boolean duration = kpi.unit() == KpiUnit.DURATION;
		return new KpiView(kpi.unit(), value(kpi.unit(), kpi.value()),
				duration && kpi.value() != null ? kpi.value().longValue() : null, kpi.count(),
				value(kpi.unit(), kpi.previousValue()), kpi.target() == null ? null : target(kpi.target(), kpi.unit()),
				kpi.met(), kpi.drillDown(), kpi.drillDown() == null ? null : link(kpi.drillDown()), details);
	}

	static TargetView target(KpiTarget target, KpiUnit unit) {
		return new TargetView(target.kpi(), target.comparison(), value(unit, target.value()));
	}

	/** A value as the API writes it in that unit; null stays null. */
	static @Nullable Object value(KpiUnit unit, @Nullable Double value) {
		if (value == null) {
			return null;
		}
		return switch (unit) {
			case DURATION -> Duration.ofSeconds(Math.round(value)).toString();
			case COUNT -> value.longValue();
			case RATIO, RATING -> value;
		};
	}

	static BreachView breach(Breach breach) {
		return new BreachView(breach.ticketId(), breach.title(), breach.clock(), breach.deadline(), breach.doneAt(),
				breach.groupId(), breach.assigneeId(), TICKETS + "/" + breach.ticketId());
	}

	static CommentView comment(SatisfactionComment comment) {
		return new CommentView(comment.ticketId(), comment.rating(), comment.ratedAt(), comment.comment(),
				TICKETS + "/" + comment.ticketId());
	}

	static Trend trend(BacklogTrend trend) {
		return new Trend(Period.of(trend.period()), trend.days());
	}

	static VolumesView volumes(Volumes volumes) {
		Map<String, List<DimensionView>> byDimension = new LinkedHashMap<>();
		volumes.byDimension()
			.forEach((dimension, counts) -> byDimension.put(dimension.name(), counts.stream()
				.map(count -> new DimensionView(count.key(), count.label(), count.created(), count.drillDown(),
						link(count.drillDown())))
				.toList()));
		List<PointView> series = volumes.series().stream().map(point -> {
			Map<String, Map<String, String>> drillDowns = new LinkedHashMap<>();
			Map<String, String> links = new LinkedHashMap<>();
			for (String count : List.of("created", "resolved", "closed")) {
				drillDowns.put(count, point.drillDowns().get(count));
				links.put(count, link(point.drillDowns().get(count)));
			}
			return new PointView(point.start(), point.end(), point.created(), point.resolved(), point.closed(),
					drillDowns, links);
		}).toList();
		return new VolumesView(Period.of(volumes.period()), volumes.granularity().name(), series, byDimension,
				volumes.heatmap()
					.stream()
					.map(cell -> new CellView(cell.weekday(), cell.hour(), cell.created(), cell.drillDown(),
							link(cell.drillDown())))
					.toList());
	}

	/** The API's list of the tickets these drill-down parameters select, values encoded. */
	static String link(Map<String, String> drillDown) {
		return link(TICKETS, drillDown);
	}

	private static String link(String path, Map<String, String> parameters) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		parameters.forEach(uri::queryParam);
		return uri.encode().build().toUriString();
	}

}

package org.guichet.reporting.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.guichet.reporting.BacklogTrend;
import org.guichet.reporting.Kpi;
import org.guichet.reporting.KpiFilter;
import org.guichet.reporting.KpiReport;
import org.guichet.reporting.KpiUnit;
import org.guichet.reporting.VolumeDimension;
import org.guichet.reporting.Volumes;
import org.guichet.reporting.presentation.KpiFormat;
import org.guichet.tickets.Priority;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The dashboard's charts, each as the table of its numbers ({@link ChartTable}) with the link of
 * every number to the tickets behind it: created, resolved and closed per step, the backlog's
 * trend, ages and statuses, the resolution time percentiles, the volumes by dimension.
 */
@Component
class Charts {

	/** The dimensions drawn, in the page's order. */
	static final List<VolumeDimension> DIMENSIONS = List.of(VolumeDimension.CHANNEL, VolumeDimension.PRIORITY,
			VolumeDimension.TYPE, VolumeDimension.CATEGORY, VolumeDimension.GROUP, VolumeDimension.TECHNICIAN);

	/** Priorities along their axis from the lowest to the highest, as people read a scale. */
	private static final Comparator<Volumes.DimensionCount> PRIORITY_ORDER = Comparator
		.comparingInt(count -> Priority.valueOf(count.key()).ordinal());

	private final MessageSource messages;

	private final KpiFormat format;

	Charts(MessageSource messages, KpiFormat format) {
		this.messages = messages;
		this.format = format;
	}

	/** Tickets created, resolved and closed in each step of the period. */
	ChartTable volumes(KpiReport report, Volumes volumes, Locale locale) {
		DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
		List<ChartTable.Row> rows = new ArrayList<>();
		for (Volumes.Point point : volumes.series()) {
			rows.add(new ChartTable.Row(day.format(point.start()),
					List.of(count(point.created(), step(report.filter(), point, "CREATED"), locale),
							count(point.resolved(), step(report.filter(), point, "RESOLVED"), locale),
							count(point.closed(), step(report.filter(), point, "CLOSED"), locale))));
		}
		return new ChartTable("chart-volumes",
				text("reports.chart.volume", text("reports.chart.volume." + volumes.granularity(), locale), locale),
				"line", false, "", text("reports.chart.volume." + volumes.granularity(), locale),
				List.of(text("reports.chart.created", locale), text("reports.chart.resolved", locale),
						text("reports.chart.closed", locale)),
				rows);
	}

	/**
	 * The tickets open at each day's end. A past day's backlog has no list of its own (no list
	 * parameter says "open at"): only today's point links, to the backlog's tickets.
	 */
	ChartTable backlogTrend(KpiReport report, BacklogTrend trend, LocalDate today, Locale locale) {
		DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
		String now = ReportLinks.tickets(report.kpi(Kpi.BACKLOG).drillDown());
		List<ChartTable.Row> rows = trend.days()
			.stream()
			.map(point -> new ChartTable.Row(day.format(point.day()),
					List.of(count(point.open(), point.day().equals(today) ? now : null, locale))))
			.toList();
		return new ChartTable("chart-backlog-trend", text("reports.chart.backlog-trend", locale), "line", false, "",
				text("reports.chart.volume.DAY", locale), List.of(text("reports.chart.backlog", locale)), rows);
	}

	/** The backlog now by one of its breakdowns: the details of {@code backlog} named {@code prefix…}. */
	ChartTable backlogBy(KpiReport report, String id, String titleKey, String prefix, Function<String, String> label,
			Locale locale) {
		List<ChartTable.Row> rows = report.kpi(Kpi.BACKLOG)
			.details()
			.stream()
			.filter(detail -> detail.name().startsWith(prefix))
			.map(detail -> new ChartTable.Row(label.apply(detail.name().substring(prefix.length())),
					List.of(count(detail.count(), ReportLinks.tickets(detail.drillDown()), locale))))
			.toList();
		return new ChartTable(id, text(titleKey, locale), "bar", false, "", text("reports.chart.label", locale),
				List.of(text("reports.chart.tickets", locale)), rows);
	}

	/** The resolution time's median and 90th percentile, on the calendar and in business time. */
	ChartTable resolutionPercentiles(KpiReport report, Locale locale) {
		Kpi median = report.kpi(Kpi.MEDIAN_RESOLUTION_TIME);
		List<ChartTable.Row> rows = new ArrayList<>();
		rows.add(new ChartTable.Row("P50", List.of(duration(Optional.of(median), locale),
				duration(median.detail("medianResolutionTime.business"), locale))));
		rows.add(new ChartTable.Row("P90", List.of(duration(median.detail("medianResolutionTime.p90"), locale),
				duration(median.detail("medianResolutionTime.businessP90"), locale))));
		return new ChartTable("chart-resolution", text("reports.chart.resolution", locale), "bar", false,
				" " + text("reports.unit.hours", locale), text("reports.chart.percentile", locale),
				List.of(text("reports.clock.calendar", locale), text("reports.clock.business", locale)), rows);
	}

	/**
	 * The tickets created in the period by one dimension: most first, but priorities from the
	 * lowest to the highest.
	 */
	ChartTable byDimension(Volumes volumes, VolumeDimension dimension, Locale locale) {
		List<Volumes.DimensionCount> counts = volumes.byDimension().getOrDefault(dimension, List.of());
		if (dimension == VolumeDimension.PRIORITY) {
			counts = counts.stream().sorted(PRIORITY_ORDER).toList();
		}
		List<ChartTable.Row> rows = counts.stream()
			.map(count -> new ChartTable.Row(label(dimension, count, locale), List.of(count(count.created(),
					ReportLinks.tickets(count.drillDown()), locale))))
			.toList();
		return new ChartTable("chart-by-" + dimension.name().toLowerCase(Locale.ROOT),
				text("reports.chart.by." + dimension.name().toLowerCase(Locale.ROOT), locale), "bar",
				dimension != VolumeDimension.PRIORITY, "", text("reports.chart.label", locale),
				List.of(text("reports.chart.tickets", locale)), rows);
	}

	private String label(VolumeDimension dimension, Volumes.DimensionCount count, Locale locale) {
		return switch (dimension) {
			case CHANNEL -> text("channel." + count.key(), locale);
			case PRIORITY -> text("level." + count.key(), locale);
			case TYPE -> text("type." + count.key(), locale);
			default -> count.label() == null ? count.key() : count.label();
		};
	}

	private static Map<String, String> step(KpiFilter filter, Volumes.Point point, String periodBy) {
		Map<String, String> parameters = new LinkedHashMap<>(filter.toTicketParameters());
		parameters.put("from", point.start().toString());
		parameters.put("to", point.end().toString());
		if (!"CREATED".equals(periodBy)) {
			parameters.put("periodBy", periodBy);
		}
		return parameters;
	}

	private ChartTable.Cell count(long count, Map<String, String> drillDown, Locale locale) {
		return count(count, ReportLinks.tickets(drillDown), locale);
	}

	private ChartTable.Cell count(long count, String link, Locale locale) {
		return new ChartTable.Cell(count, format.format(KpiUnit.COUNT, count, locale), count == 0 ? null : link);
	}

	private ChartTable.Cell duration(Optional<Kpi> kpi, Locale locale) {
		Double value = kpi.map(Kpi::value).orElse(null);
		if (value == null) {
			return new ChartTable.Cell(0, "—", null);
		}
		return new ChartTable.Cell(KpiFormat.plotted(KpiUnit.DURATION, value),
				format.format(KpiUnit.DURATION, value, locale), kpi.map(Kpi::drillDown).map(ReportLinks::tickets).orElse(null));
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private String text(String key, String argument, Locale locale) {
		return messages.getMessage(key, new Object[] { argument }, locale);
	}

}

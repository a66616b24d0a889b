package org.guichet.reporting.review;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.guichet.reporting.BacklogTrend;
import org.guichet.reporting.Breach;
import org.guichet.reporting.recurring.RecurringCluster;
import org.guichet.reporting.recurring.RecurringIncidentsReport;
import org.guichet.reporting.Kpi;
import org.guichet.reporting.KpiComparison;
import org.guichet.reporting.KpiReport;
import org.guichet.reporting.SatisfactionComment;
import org.guichet.reporting.VolumeDimension;
import org.guichet.reporting.Volumes;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * What a monthly service review shows, written for one reader's language: the month's KPIs
 * beside the previous month's and their targets, the charts as SVG markup, and the highlights.
 * Built by {@link #compose} from figures already computed; the templates only lay it out.
 *
 * @param month the month ({@code 2026-11})
 * @param monthName the month as the reader writes it ({@code November 2026}, {@code novembre 2026})
 * @param scope whose figures they are: the whole desk, a group, a technician, and the other
 * criteria of the filter ({@link org.guichet.reporting.presentation.FilterScope})
 * @param current whether the month is still running (figures up to today)
 * @param asOf when the figures were computed, written for the reader
 * @param kpis one row per KPI, {@link Kpi#HEADLINES} order, then the details that have a target
 * @param charts the charts, in the order they are shown
 * @param longest the longest resolutions of the month, longest first
 * @param breaches the SLA breaches whose deadline fell in the month, latest first, at most
 * {@link #MAX_BREACHES}
 * @param breachCount how many breaches there were in all (TTO and TTR)
 * @param recurring the month's recurring incidents, largest cluster first, at most
 * {@link #MAX_RECURRING}
 * @param recurringClusters how many recurring clusters the month had in all
 * @param recurringIncidents how many incidents they hold
 * @param comments satisfaction comments, the least satisfied first, at most {@link #MAX_COMMENTS}
 */
record ServiceReview(String month, String monthName, String scope, boolean current, String asOf, List<KpiRow> kpis,
		List<Chart> charts, List<TicketLine> longest, List<BreachLine> breaches, long breachCount,
		List<RecurringLine> recurring, int recurringClusters, int recurringIncidents, List<CommentLine> comments) {

	static final int MAX_BREACHES = 15;

	static final int MAX_RECURRING = 10;

	/** The latest incidents of a recurring cluster the review names. */
	static final int RECURRING_TICKETS = 5;

	static final int MAX_COMMENTS = 10;

	/** The longest a comment is shown, in characters; a longer one is cut with "…". */
	static final int COMMENT_LENGTH = 300;

	private static final int MAX_CATEGORIES = 10;

	/**
	 * @param name the KPI's stable name
	 * @param label its name for the reader
	 * @param value this month's, formatted
	 * @param previous the previous month's, formatted
	 * @param change the difference, signed
	 * @param target the target ({@code ≥ 95.0%}), null when none is set
	 * @param met whether the target is met, null without target or value
	 * @param count the tickets behind this month's value
	 */
	record KpiRow(String name, String label, String value, String previous, String change, @Nullable String target,
			@Nullable Boolean met, String count) {
	}

	/** @param svg the chart's markup, escaped by {@link SvgChart} */
	record Chart(String id, String title, String svg) {
	}

	/** A ticket of the month's longest resolutions, its times written for the reader. */
	record TicketLine(long id, String number, String title, String calendarTime, String businessTime) {
	}

	record BreachLine(long id, String title, String clock, String deadline, String doneAt) {
	}

	record CommentLine(long ticketId, int rating, String comment) {
	}

	/**
	 * A recurring cluster of the month.
	 *
	 * @param label its commonest words
	 * @param reasons why it is one, written for the reader
	 * @param size its number of incidents
	 * @param first its first incident's creation, written for the reader
	 * @param last its latest incident's creation, written for the reader
	 * @param tickets the ids of its latest incidents, newest first, at most {@link #RECURRING_TICKETS}
	 */
	record RecurringLine(String label, String reasons, int size, String first, String last, List<Long> tickets) {
	}

	/** The figures a review is made of, as the services give them. */
	record Figures(ReviewMonth month, KpiReport report, KpiReport previous, BacklogTrend trend, Volumes volumes,
			MonthResolutions.Spread resolutions, List<TicketLine> longest, RecurringIncidentsReport recurring) {
	}

	/**
	 * Writes the figures for a reader.
	 *
	 * @param scope whose figures they are, written for the reader
	 * @param zone {@code guichet.time-zone}, for the instants shown
	 */
	static ServiceReview compose(Figures figures, String scope, ReviewFormat format, MessageSource messages,
			ZoneId zone) {
		Locale locale = format.locale();
		Text text = new Text(messages, locale);
		DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(zone);
		String monthName = figures.month().month().getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale) + " "
				+ figures.month().month().getYear();
		long breachCount = detailCount(figures.report(), "slaCompliance.ttoBreaches")
				+ detailCount(figures.report(), "slaCompliance.ttrBreaches");
		return new ServiceReview(figures.month().toString(), monthName, scope, figures.month().isCurrent(),
				dateTime.format(figures.report().asOf()), rows(figures, format, text), charts(figures, format, text),
				figures.longest(),
				figures.report().breaches().stream().limit(MAX_BREACHES)
					.map(breach -> breachLine(breach, text, dateTime))
					.toList(),
				Math.max(breachCount, figures.report().breaches().size()),
				figures.recurring().clusters().stream().limit(MAX_RECURRING)
					.map(cluster -> recurringLine(cluster, text, dateTime))
					.toList(),
				figures.recurring().totalClusters(), figures.recurring().recurringIncidents(),
				comments(figures.report().comments()));
	}

	private static RecurringLine recurringLine(RecurringCluster cluster, Text text, DateTimeFormatter dateTime) {
		return new RecurringLine(cluster.label(),
				cluster.reasons().stream().map(reason -> text.get("review.recurring.reason." + reason)).collect(
						java.util.stream.Collectors.joining(", ")),
				cluster.size(), dateTime.format(cluster.firstOccurrence()), dateTime.format(cluster.lastOccurrence()),
				cluster.tickets().stream().limit(RECURRING_TICKETS).map(RecurringCluster.Ticket::id).toList());
	}

	private static List<KpiRow> rows(Figures figures, ReviewFormat format, Text text) {
		List<KpiRow> rows = new ArrayList<>();
		for (String name : Kpi.HEADLINES) {
			Kpi kpi = figures.report().kpis().get(name);
			if (kpi != null) {
				rows.add(row(kpi, previousValue(figures.previous(), name), format, text));
			}
		}
		for (String name : Kpi.NAMES) {
			find(figures.report(), name).filter(kpi -> !Kpi.HEADLINES.contains(name) && kpi.target() != null)
				.ifPresent(kpi -> rows.add(row(kpi, previousValue(figures.previous(), name), format, text)));
		}
		return rows;
	}

	private static KpiRow row(Kpi kpi, @Nullable Double previous, ReviewFormat format, Text text) {
		String target = kpi.target() == null ? null
				: (kpi.target().comparison() == KpiComparison.AT_LEAST ? "≥ " : "≤ ")
						+ format.value(kpi.target().value(), kpi.unit());
		return new KpiRow(kpi.name(), format.name(kpi.name()), format.value(kpi.value(), kpi.unit()),
				format.value(previous, kpi.unit()), format.change(kpi.value(), previous, kpi.unit()), target, kpi.met(),
				format.count(kpi.count()));
	}

	private static @Nullable Double previousValue(KpiReport previous, String name) {
		return find(previous, name).map(Kpi::value).orElse(null);
	}

	private static Optional<Kpi> find(KpiReport report, String name) {
		try {
			return Optional.of(report.kpi(name));
		}
		catch (java.util.NoSuchElementException ex) {
			return Optional.empty();
		}
	}

	private static long detailCount(KpiReport report, String name) {
		return find(report, name).map(Kpi::count).orElse(0L);
	}

	private static List<Chart> charts(Figures figures, ReviewFormat format, Text text) {
		List<Chart> charts = new ArrayList<>();
		List<Volumes.Point> days = figures.volumes().series();
		List<String> dayLabels = days.stream().map(point -> String.valueOf(point.start().getDayOfMonth())).toList();
		String title = text.get("review.chart.trend");
		charts.add(new Chart("trend", title, SvgChart.lines(title, dayLabels, List.of(
				new SvgChart.Series(text.get("review.chart.created"),
						days.stream().map(point -> (double) point.created()).toList()),
				new SvgChart.Series(text.get("review.chart.resolved"),
						days.stream().map(point -> (double) point.resolved()).toList())),
				value -> format.count(Math.round(value)))));
		title = text.get("review.chart.backlog");
		List<BacklogTrend.Point> open = figures.trend().days();
		charts.add(new Chart("backlog", title,
				SvgChart.lines(title, open.stream().map(point -> String.valueOf(point.day().getDayOfMonth())).toList(),
						List.of(new SvgChart.Series(text.get("review.chart.open"),
								open.stream().map(point -> (double) point.open()).toList())),
						value -> format.count(Math.round(value)))));
		title = text.get("review.chart.channels");
		charts.add(new Chart("channels", title, SvgChart.rows(title,
				dimension(figures.volumes(), VolumeDimension.CHANNEL, text, Integer.MAX_VALUE),
				value -> format.count(Math.round(value)), format.locale())));
		title = text.get("review.chart.categories");
		charts.add(new Chart("categories", title, SvgChart.rows(title,
				dimension(figures.volumes(), VolumeDimension.CATEGORY, text, MAX_CATEGORIES),
				value -> format.count(Math.round(value)), format.locale())));
		title = text.get("review.chart.ageing");
		charts.add(new Chart("ageing", title,
				SvgChart.columns(title, ageing(figures.report(), text), value -> format.count(Math.round(value)),
						format.locale())));
		title = text.get("review.chart.resolution");
		List<SvgChart.Bar> buckets = new ArrayList<>();
		List<Long> counts = figures.resolutions().counts();
		for (int i = 0; i < counts.size(); i++) {
			buckets.add(new SvgChart.Bar(text.get("review.bucket." + i), counts.get(i)));
		}
		charts.add(new Chart("resolution", title,
				SvgChart.columns(title, buckets, value -> format.count(Math.round(value)), format.locale())));
		return charts;
	}

	/** The tickets created per value of a dimension, most first; enum values by their name for the reader. */
	private static List<SvgChart.Bar> dimension(Volumes volumes, VolumeDimension dimension, Text text, int most) {
		return volumes.byDimension().getOrDefault(dimension, List.of()).stream().limit(most).map(count -> {
			String label = dimension == VolumeDimension.CHANNEL ? text.get("channel." + count.key())
					: count.label() == null ? count.key() : count.label();
			return new SvgChart.Bar(label, count.created());
		}).toList();
	}

	/**
	 * The backlog by age bucket: the {@code backlog} KPI's details that drill down by {@code age}
	 * (time since creation, now), in the order the KPI gives them.
	 */
	private static List<SvgChart.Bar> ageing(KpiReport report, Text text) {
		Kpi backlog = report.kpis().get(Kpi.BACKLOG);
		List<SvgChart.Bar> bars = new ArrayList<>();
		if (backlog != null) {
			collectAges(backlog, text, bars);
		}
		return bars;
	}

	private static void collectAges(Kpi kpi, Text text, List<SvgChart.Bar> bars) {
		for (Kpi detail : kpi.details()) {
			Map<String, String> drill = detail.drillDown();
			if (drill != null && drill.containsKey("age")) {
				bars.add(new SvgChart.Bar(text.get("review.age." + drill.get("age")), detail.count()));
			}
			else {
				collectAges(detail, text, bars);
			}
		}
	}

	private static BreachLine breachLine(Breach breach, Text text, DateTimeFormatter dateTime) {
		return new BreachLine(breach.ticketId(), breach.title(), text.get("review.clock." + breach.clock()),
				dateTime.format(breach.deadline()), breach.doneAt() == null ? ReviewFormat.NONE
						: dateTime.format(breach.doneAt()));
	}

	/**
	 * The comments to show: up to half of {@link #MAX_COMMENTS} from the least satisfied (rating
	 * 3 or less, lowest first), the rest from the satisfied, latest first as given; each made one
	 * line of plain text (control characters and runs of blanks made single spaces) and cut at
	 * {@link #COMMENT_LENGTH} characters. The templates escape them.
	 */
	static List<CommentLine> comments(List<SatisfactionComment> given) {
		List<SatisfactionComment> unsatisfied = given.stream()
			.filter(comment -> comment.rating() <= 3)
			.sorted(java.util.Comparator.comparingInt(SatisfactionComment::rating))
			.limit(MAX_COMMENTS / 2)
			.toList();
		List<SatisfactionComment> satisfied = given.stream()
			.filter(comment -> comment.rating() >= 4)
			.limit(MAX_COMMENTS - unsatisfied.size())
			.toList();
		List<CommentLine> lines = new ArrayList<>();
		for (SatisfactionComment comment : unsatisfied) {
			lines.add(new CommentLine(comment.ticketId(), comment.rating(), plain(comment.comment())));
		}
		for (SatisfactionComment comment : satisfied) {
			lines.add(new CommentLine(comment.ticketId(), comment.rating(), plain(comment.comment())));
		}
		return lines;
	}

	static String plain(String comment) {
		String line = comment.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\s]+", " ").strip();
		int[] codePoints = line.codePoints().toArray();
		return codePoints.length <= COMMENT_LENGTH ? line
				: new String(codePoints, 0, COMMENT_LENGTH - 1).stripTrailing() + "…";
	}

	/** The reader's messages. */
	private record Text(MessageSource messages, Locale locale) {

		String get(String key) {
			return messages.getMessage(key, null, locale);
		}

	}

}

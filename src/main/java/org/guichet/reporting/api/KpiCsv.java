package org.guichet.reporting.api;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.guichet.reporting.BacklogTrend;
import org.guichet.reporting.Breach;
import org.guichet.reporting.Kpi;
import org.guichet.reporting.KpiReport;
import org.guichet.reporting.SatisfactionComment;
import org.guichet.reporting.VolumeDimension;
import org.guichet.reporting.Volumes;
import org.guichet.tickets.TicketExport;
import org.jspecify.annotations.Nullable;

/**
 * The KPI tables as CSV (RFC 4180, UTF-8 with a byte order mark so that spreadsheets read the
 * accents, free text guarded against formulas as {@link TicketExport#safe}): one header row of
 * stable column names, then one row per line of the table. Values are written as in the JSON.
 */
final class KpiCsv {

	static final String TEXT_CSV = "text/csv";

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private KpiCsv() {
	}

	/** Starts a CSV download named {@code <name>.csv} and gives its writer. */
	static Writer download(HttpServletResponse response, String name) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
		response.setHeader("Cache-Control", "no-store");
		Writer out = response.getWriter();
		out.write(BYTE_ORDER_MARK);
		return out;
	}

	/** Every KPI and its details, one row each. */
	static void kpis(KpiReport report, Writer out) throws IOException {
		CSVPrinter csv = printer(out, "kpi", "unit", "value", "count", "previousValue", "comparison", "target", "met",
				"link");
		List<Kpi> rows = new ArrayList<>();
		report.kpis().values().forEach(kpi -> flatten(kpi, rows));
		for (Kpi kpi : rows) {
			csv.printRecord(kpi.name(), kpi.unit(), text(KpiJson.value(kpi.unit(), kpi.value())), kpi.count(),
					text(KpiJson.value(kpi.unit(), kpi.previousValue())),
					kpi.target() == null ? "" : kpi.target().comparison(),
					kpi.target() == null ? "" : text(KpiJson.value(kpi.unit(), kpi.target().value())), text(kpi.met()),
					kpi.drillDown() == null ? "" : KpiJson.link(kpi.drillDown()));
		}
		csv.flush();
	}

	static void breaches(KpiReport report, Writer out) throws IOException {
		CSVPrinter csv = printer(out, "ticketId", "title", "clock", "deadline", "doneAt", "groupId", "assigneeId");
		for (Breach breach : report.breaches()) {
			csv.printRecord(breach.ticketId(), TicketExport.safe(breach.title()), breach.clock(), breach.deadline(),
					text(breach.doneAt()), text(breach.groupId()), text(breach.assigneeId()));
		}
		csv.flush();
	}

	static void comments(KpiReport report, Writer out) throws IOException {
		CSVPrinter csv = printer(out, "ticketId", "rating", "ratedAt", "comment");
		for (SatisfactionComment comment : report.comments()) {
			csv.printRecord(comment.ticketId(), comment.rating(), comment.ratedAt(),
					TicketExport.safe(comment.comment()));
		}
		csv.flush();
	}

	static void trend(BacklogTrend trend, Writer out) throws IOException {
		CSVPrinter csv = printer(out, "day", "open");
		for (BacklogTrend.Point point : trend.days()) {
			csv.printRecord(point.day(), point.open());
		}
		csv.flush();
	}

	static void series(Volumes volumes, Writer out) throws IOException {
		CSVPrinter csv = printer(out, "start", "end", "created", "resolved", "closed");
		for (Volumes.Point point : volumes.series()) {
			csv.printRecord(point.start(), point.end(), point.created(), point.resolved(), point.closed());
		}
		csv.flush();
	}

	static void dimension(Volumes volumes, VolumeDimension dimension, Writer out) throws IOException {
		CSVPrinter csv = printer(out, "key", "label", "created", "link");
		for (Volumes.DimensionCount count : volumes.byDimension().get(dimension)) {
			csv.printRecord(count.key(), TicketExport.safe(Objects.requireNonNullElse(count.label(), "")),
					count.created(), KpiJson.link(count.drillDown()));
		}
		csv.flush();
	}

	static void heatmap(Volumes volumes, Writer out) throws IOException {
		CSVPrinter csv = printer(out, "weekday", "hour", "created", "link");
		for (Volumes.HeatmapCell cell : volumes.heatmap()) {
			csv.printRecord(cell.weekday(), cell.hour(), cell.created(), KpiJson.link(cell.drillDown()));
		}
		csv.flush();
	}

	private static void flatten(Kpi kpi, List<Kpi> rows) {
		rows.add(kpi);
		kpi.details().forEach(detail -> flatten(detail, rows));
	}

	private static CSVPrinter printer(Writer out, String... header) throws IOException {
		return new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get());
	}

	private static String text(@Nullable Object value) {
		return value == null ? "" : value.toString();
	}

}

package org.guichet.presentation.about;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.guichet.presentation.about.AboutReport.Disk;
import org.guichet.presentation.about.AboutReport.Memory;
import org.jspecify.annotations.Nullable;

/**
 * The tool page's data written for a reader: the report, its topology as SVG, its sizes and
 * dates as text in the reader's language and time zone. The page and its PDF show the same.
 *
 * @param report the data
 * @param topologySvg the topology diagram, a standalone SVG document
 * @param sizes by name ({@code database}, {@code attachments}, {@code free}, {@code total},
 * {@code heapUsed}, {@code heapCommitted}, {@code heapMax}), absent when not measured
 * @param dates by name ({@code builtAt}, {@code committedAt}, {@code asOf}), absent when unknown
 */
public record AboutPage(AboutReport report, String topologySvg, Map<String, String> sizes,
		Map<String, String> dates) {

	static AboutPage of(AboutReport report, String topologySvg, Locale locale, ZoneId zone) {
		Map<String, String> sizes = new LinkedHashMap<>();
		Disk disk = report.resources().disk();
		put(sizes, "database", disk.databaseBytes(), locale);
		put(sizes, "attachments", disk.attachmentBytes(), locale);
		put(sizes, "free", disk.freeBytes(), locale);
		put(sizes, "total", disk.totalBytes(), locale);
		Memory memory = report.resources().memory();
		put(sizes, "heapUsed", memory.heapUsed(), locale);
		put(sizes, "heapCommitted", memory.heapCommitted(), locale);
		put(sizes, "heapMax", memory.heapMax(), locale);
		DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
			.withZone(zone);
		Map<String, String> dates = new LinkedHashMap<>();
		date(dates, "builtAt", report.product().builtAt(), format);
		date(dates, "committedAt", report.product().committedAt(), format);
		date(dates, "asOf", report.asOf(), format);
		return new AboutPage(report, topologySvg, Map.copyOf(sizes), Map.copyOf(dates));
	}

	private static void put(Map<String, String> sizes, String name, @Nullable Long bytes, Locale locale) {
		if (bytes != null) {
			sizes.put(name, ByteSizes.text(bytes, locale));
		}
	}

	private static void date(Map<String, String> dates, String name, @Nullable Instant instant,
			DateTimeFormatter format) {
		if (instant != null) {
			dates.put(name, format.format(instant));
		}
	}

}

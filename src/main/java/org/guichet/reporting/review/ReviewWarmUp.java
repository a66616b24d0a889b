package org.guichet.reporting.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.guichet.reporting.Kpi;
import org.guichet.reporting.KpiUnit;
import org.guichet.reporting.presentation.KpiFormat;
import org.guichet.reporting.presentation.KpiNames;
import org.guichet.system.HtmlPdf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Prints a small service review to PDF once while the application starts, before it reports
 * itself ready, and drops it: the first review asked for after a start would otherwise pay for
 * loading the HTML-to-PDF renderer, its fonts and the SVG drawer (Batik) and for the review
 * template's first run — about 1.5 s idle, several seconds on a busy machine
 * (docs/BENCHMARKS.md). The sample is a review as the template lays it out (every KPI row, one
 * chart of each kind, a line of each highlight, French text with its accents, typographic
 * apostrophe and narrow no-break spaces); it reads nothing from the database. Off with
 * {@code guichet.kpis.review.warm-up=false}.
 */
@Component
@ConditionalOnProperty(name = "guichet.kpis.review.warm-up", havingValue = "true", matchIfMissing = true)
class ReviewWarmUp implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ReviewWarmUp.class);

	private final ReviewDocument document;


	private final MessageSource messages;

	private final KpiFormat format;

	private final KpiNames names;

	ReviewWarmUp(ReviewDocument document, MessageSource messages, KpiFormat format, KpiNames names) {
		this.document = document;
		this.messages = messages;
		this.format = format;
		this.names = names;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		long started = System.nanoTime();
		try {
			byte[] printed = HtmlPdf.render(document.html(sample(Locale.FRENCH), Locale.FRENCH));
			log.info("Service review warm-up: a sample review printed ({} bytes) in {} ms", printed.length,
					(System.nanoTime() - started) / 1_000_000);
		}
		catch (RuntimeException e) {
			log.warn("Service review warm-up failed; the first review PDF will be slower", e);
		}
	}

	/** A review of made-up figures, written in {@code locale}, with something in each of its parts. */
	ServiceReview sample(Locale locale) {
		ReviewFormat words = new ReviewFormat(locale, messages, format, names);
		List<ServiceReview.KpiRow> rows = new ArrayList<>();
		for (String name : Kpi.HEADLINES) {
			KpiUnit unit = Kpi.UNITS.get(name);
			double value = switch (unit) {
				case DURATION -> 7_260;
				case RATIO -> 0.925;
				case RATING -> 4.3;
				case COUNT -> 42;
			};
			rows.add(new ServiceReview.KpiRow(name, words.name(name), words.value(value, unit),
					words.value(value * 0.9, unit), words.change(value, value * 0.9, unit), "≥ " + words.value(value, unit),
					Boolean.TRUE, words.count(120)));
		}
		List<String> days = List.of("1", "2", "3", "4", "5", "6", "7");
		List<Double> counts = List.of(3.0, 5.0, 2.0, 8.0, 4.0, 0.0, 1.0);
		List<ServiceReview.Chart> charts = List.of(
				new ServiceReview.Chart("trend", "Créés et résolus",
						SvgChart.lines("Créés et résolus", days,
								List.of(new SvgChart.Series("Créés", counts), new SvgChart.Series("Résolus", List.of(1.0, 4.0, 6.0, 2.0, 5.0, 0.0, 2.0))),
								value -> words.count(Math.round(value)))),
				new ServiceReview.Chart("channels", "Par canal",
						SvgChart.rows("Par canal",
								List.of(new SvgChart.Bar("Portail", 12), new SvgChart.Bar("Téléphone", 5)),
								value -> words.count(Math.round(value)), Locale.FRENCH)),
				new ServiceReview.Chart("resolution", "Délais",
						SvgChart.columns("Délais", List.of(new SvgChart.Bar("< 1 h", 4), new SvgChart.Bar("1–4 h", 9)),
								value -> words.count(Math.round(value)), Locale.FRENCH)));
		return new ServiceReview("2026-11", "novembre 2026", "Tout le support", false, "1 déc. 2026, 08:00", rows,
				charts,
				List.of(new ServiceReview.TicketLine(1, "T-000001", "L’imprimante du 2e étage est bloquée",
						words.duration(273_600), words.duration(93_600))),
				List.of(new ServiceReview.BreachLine(1, "Écran qui clignote", "TTR", "3 nov. 2026, 10:00",
						ReviewFormat.NONE)),
				1,
				List.of(new ServiceReview.RecurringLine("imprimante étage bloquée", "Titres presque identiques", 3,
						"2 nov. 2026, 09:12", "9 nov. 2026, 14:40", List.of(3L, 2L, 1L))),
				1, 3, List.of(new ServiceReview.CommentLine(1, 5, "Très réactif, merci\u202F!")));
	}

}

package org.guichet.reporting.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.system.HtmlPdf;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.guichet.reporting.BacklogTrend;
import org.guichet.reporting.Breach;
import org.guichet.reporting.DateRange;
import org.guichet.reporting.Granularity;
import org.guichet.reporting.Kpi;
import org.guichet.reporting.KpiComparison;
import org.guichet.reporting.KpiFilter;
import org.guichet.reporting.KpiReport;
import org.guichet.reporting.KpiTarget;
import org.guichet.reporting.KpiUnit;
import org.guichet.reporting.SatisfactionComment;
import org.guichet.reporting.VolumeDimension;
import org.guichet.reporting.Volumes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.guichet.reporting.presentation.KpiFormat;
import org.guichet.reporting.presentation.KpiNames;
import org.guichet.reporting.recurring.RecurrenceReason;
import org.guichet.reporting.recurring.RecurringCluster;
import org.guichet.reporting.recurring.RecurringIncidentsReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review of a hand-built month (November 2026, 30 days): its KPI table, its charts with the
 * bars the figures call for, its highlights, and the PDF printed from the same HTML.
 */
class ServiceReviewTests {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final ReviewMonth NOVEMBER = new ReviewMonth(YearMonth.of(2026, 11), LocalDate.of(2026, 12, 3));

	private final ResourceBundleMessageSource messages = messages();

	private final SpringTemplateEngine templates = templates(messages);

	private final ReviewDocument document = new ReviewDocument(templates, messages);

	@Test
	void theChartsHaveOneBarPerValueOfTheHandBuiltMonth() {
		Document html = Jsoup.parse(document.html(review(Locale.ENGLISH), Locale.ENGLISH));

		assertThat(html.select("#chart-channels svg rect.bar")).hasSize(3);
		assertThat(html.select("#chart-categories svg rect.bar")).hasSize(2);
		assertThat(html.select("#chart-ageing svg rect.bar")).hasSize(5);
		assertThat(html.select("#chart-resolution svg rect.bar")).hasSize(MonthResolutions.BUCKETS.size() + 1);
		assertThat(html.select("#chart-trend svg polyline.line")).hasSize(2);
		assertThat(html.select("#chart-backlog svg polyline.line")).hasSize(1);
		assertThat(html.select("#chart-channels rect.bar title").eachText()).containsExactly("Phone: 7", "E-mail: 4",
				"Portal: 1");
		assertThat(html.select("#chart-resolution rect.bar title").eachText()).containsExactly("< 1 h: 2", "1–4 h: 0",
				"4–8 h: 1", "8 h–1 d: 0", "1–3 d: 3", "3–7 d: 0", "> 7 d: 1");
	}

	@Test
	void theKpiTableComparesWithThePreviousMonthAndSaysWhetherTargetsAreMet() {
		Document html = Jsoup.parse(document.html(review(Locale.ENGLISH), Locale.ENGLISH));

		assertThat(html.select("tr[data-kpi=slaCompliance] td").eachText()).containsExactly(
				"SLA compliance (resolution)", "90%", "80%", "+10.0 pts", "≥ 95% missed", "40");
		assertThat(html.select("tr[data-kpi=meanResolutionTime] td").eachText()).containsExactly(
				"Mean resolution time", "3 h 20 min", "1 d 2 h", "−22 h 40 min", "–", "12");
		assertThat(html.select("tr[data-kpi=slaCompliance.tto]")).as("a detail with a target is listed").hasSize(1);
	}

	@Test
	void commentsAreMadePlainOneLineAndShortAndTheTemplateEscapesThem() {
		Document html = Jsoup.parse(document.html(review(Locale.ENGLISH), Locale.ENGLISH));

		assertThat(html.select("blockquote").eachText()).containsExactly(
				"★★☆☆☆ Too slow <script>alert(1)</script> and then nothing #3", "★★★★★ Perfect #4");
		assertThat(html.select("blockquote script")).isEmpty();
		assertThat(ServiceReview.plain("x".repeat(400))).hasSize(ServiceReview.COMMENT_LENGTH).endsWith("…");
	}

	@Test
	void theReviewWritesAFigureAndNamesAKpiExactlyAsTheDashboardDoes() {
		KpiFormat dashboard = new KpiFormat(messages);
		ReviewFormat review = new ReviewFormat(Locale.FRENCH, messages, dashboard, new KpiNames(messages));
		assertThat(review.value(0.0625, KpiUnit.RATIO)).isEqualTo(dashboard.format(KpiUnit.RATIO, 0.0625, Locale.FRENCH))
			.matches("6,3\\h%");
		assertThat(review.value(7_540.0, KpiUnit.DURATION)).isEqualTo("2 h 05 min");
		assertThat(review.name(Kpi.MEAN_TIME_TO_OWN)).isEqualTo(messages.getMessage("reports.kpi.meanTimeToOwn", null,
				Locale.FRENCH));
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "fr" })
	void thePdfNamesEveryKpiAndTheMonthInTheReadersLanguage(String language) throws IOException {
		Locale locale = Locale.forLanguageTag(language);
		ServiceReview review = review(locale);

		byte[] pdf = document.pdfResponse(review, locale).getBody();

		try (PDDocument printed = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(printed).replaceAll("\\s+", " ");
			assertThat(text).contains(language.equals("fr") ? "novembre 2026" : "November 2026");
			for (String kpi : Kpi.HEADLINES) {
				assertThat(text).contains(messages.getMessage("reports.kpi." + kpi, null, locale));
			}
			assertThat(text).contains("Wi-Fi down on the 3rd floor", "Too slow", "printer jammed", "#31", "#11",
					messages.getMessage("review.recurring.reason.SIMILAR_TITLES", null, locale));
		}
	}

	@Test
	void theStartWarmUpPrintsASampleThroughEveryPartOfTheReview() throws IOException {
		ReviewWarmUp warmUp = new ReviewWarmUp(document, messages, new KpiFormat(messages),
				new KpiNames(messages));
		ServiceReview sample = warmUp.sample(Locale.FRENCH);
		Document html = Jsoup.parse(document.html(sample, Locale.FRENCH));

		assertThat(html.select("tr[data-kpi]")).hasSize(Kpi.HEADLINES.size());
		assertThat(html.select("svg rect.bar")).as("bars drawn by Batik").isNotEmpty();
		assertThat(html.select("svg polyline.line")).as("lines drawn by Batik").isNotEmpty();
		assertThat(html.select("blockquote")).hasSize(1);
		try (PDDocument printed = Loader.loadPDF(HtmlPdf.render(document.html(sample, Locale.FRENCH)))) {
			assertThat(new PDFTextStripper().getText(printed)).contains("L’imprimante du 2e étage est bloquée");
		}
	}

	@Test
	void thePdfIsADownloadNamedForItsMonthInTheReadersLanguage() {
		assertThat(document.pdfResponse(review(Locale.FRENCH), Locale.FRENCH).getHeaders().getFirst("Content-Disposition"))
			.isEqualTo("attachment; filename=\"revue-de-service-2026-11.pdf\"; filename*=UTF-8''revue-de-service-2026-11.pdf");
	}

	/** November 2026 with hand-written figures. */
	private ServiceReview review(Locale locale) {
		DateRange month = NOVEMBER.days();
		KpiReport report = report(month, Map.of(Kpi.MEAN_RESOLUTION_TIME, 12_000.0, Kpi.SLA_COMPLIANCE, 0.9),
				Instant.parse("2026-12-03T08:00:00Z"));
		KpiReport previous = report(NOVEMBER.previousMonth(),
				Map.of(Kpi.MEAN_RESOLUTION_TIME, 93_600.0, Kpi.SLA_COMPLIANCE, 0.8), Instant.parse("2026-12-03T08:00:00Z"));
		List<Volumes.Point> days = new ArrayList<>();
		List<BacklogTrend.Point> open = new ArrayList<>();
		for (LocalDate day = month.from(); !day.isAfter(month.to()); day = day.plusDays(1)) {
			days.add(new Volumes.Point(day, day, day.getDayOfMonth() % 5, day.getDayOfMonth() % 4, 0, Map.of()));
			open.add(new BacklogTrend.Point(day, 20 + day.getDayOfMonth() % 7));
		}
		Map<VolumeDimension, List<Volumes.DimensionCount>> byDimension = new LinkedHashMap<>();
		byDimension.put(VolumeDimension.CHANNEL, List.of(count("PHONE", null, 7), count("EMAIL", null, 4),
				count("PORTAL", null, 1)));
		byDimension.put(VolumeDimension.CATEGORY, List.of(count("3", "Network › Wi-Fi", 6), count("5", "Printers", 2)));
		Volumes volumes = new Volumes(month, Granularity.DAY, days, byDimension, List.of());
		MonthResolutions.Spread spread = new MonthResolutions.Spread(List.of(2L, 0L, 1L, 0L, 3L, 0L, 1L),
				List.of(new MonthResolutions.Resolution(9, 700_000, 200_000L)));
		ServiceReview.Figures figures = new ServiceReview.Figures(NOVEMBER, report, previous,
				new BacklogTrend(month, open), volumes, spread,
				List.of(new ServiceReview.TicketLine(9, "T-9", "Wi-Fi down on the 3rd floor", "8 d 2 h", "2 d 7 h")),
				new RecurringIncidentsReport(month.from(), month.to(), 3, 40, 1, 3,
						List.of(new RecurringCluster(List.of(RecurrenceReason.SIMILAR_TITLES), "printer jammed", 3,
								Instant.parse("2026-11-04T09:00:00Z"), Instant.parse("2026-11-18T09:00:00Z"),
								List.of(new RecurringCluster.Ticket(31, "Printer jammed again", Instant.parse("2026-11-18T09:00:00Z")),
										new RecurringCluster.Ticket(22, "printer jammed", Instant.parse("2026-11-10T09:00:00Z")),
										new RecurringCluster.Ticket(11, "Printer jammed", Instant.parse("2026-11-04T09:00:00Z"))))),
						Instant.parse("2026-12-03T08:00:00Z")));
		return ServiceReview.compose(figures, "The whole desk",
				new ReviewFormat(locale, messages, new KpiFormat(messages), new KpiNames(messages)), messages, PARIS);
	}

	private static KpiReport report(DateRange period, Map<String, Double> values, Instant asOf) {
		Map<String, Kpi> kpis = new LinkedHashMap<>();
		for (String name : Kpi.HEADLINES) {
			KpiUnit unit = switch (name) {
				case Kpi.MEAN_RESOLUTION_TIME, Kpi.MEDIAN_RESOLUTION_TIME, Kpi.MEAN_TIME_TO_OWN,
						Kpi.MEAN_TIME_TO_FIRST_RESPONSE -> KpiUnit.DURATION;
				case Kpi.BACKLOG, Kpi.VOLUMES -> KpiUnit.COUNT;
				default -> KpiUnit.RATIO;
			};
			List<Kpi> details = new ArrayList<>();
			if (name.equals(Kpi.BACKLOG)) {
				int count = 1;
				for (String age : List.of("UNDER_1D", "D1_3", "D3_7", "D7_30", "OVER_30D")) {
					details.add(new Kpi("backlog.age." + age, KpiUnit.COUNT, (double) count, count, null, null, null,
							Map.of("age", age), List.of()));
					count++;
				}
			}
			if (name.equals(Kpi.SLA_COMPLIANCE)) {
				details.add(new Kpi("slaCompliance.tto", KpiUnit.RATIO, 0.97, 40, null,
						new KpiTarget("slaCompliance.tto", KpiComparison.AT_LEAST, 0.95), true, null, List.of()));
			}
			KpiTarget target = name.equals(Kpi.SLA_COMPLIANCE) ? new KpiTarget(name, KpiComparison.AT_LEAST, 0.95)
					: null;
			Double value = values.get(name);
			kpis.put(name, new Kpi(name, unit, value, name.equals(Kpi.SLA_COMPLIANCE) ? 40 : 12, null, target,
					target == null || value == null ? null : target.metBy(value), Map.of(), details));
		}
		List<Breach> breaches = List.of(new Breach(7, "Printer jammed", "TTR", Instant.parse("2026-11-20T10:00:00Z"),
				null, null, null));
		List<SatisfactionComment> comments = List.of(
				new SatisfactionComment(4, 5, Instant.parse("2026-11-25T10:00:00Z"), "Perfect"),
				new SatisfactionComment(3, 2, Instant.parse("2026-11-24T10:00:00Z"),
						"Too slow\n\n <script>alert(1)</script>\tand then nothing"));
		return new KpiReport(asOf, KpiFilter.of(period), period, period.previous(), kpis, breaches, comments);
	}

	private static Volumes.DimensionCount count(String key, String label, long created) {
		return new Volumes.DimensionCount(key, label, created, Map.of());
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("i18n/messages", "i18n/errors", "i18n/dashboard");
		source.setDefaultEncoding(StandardCharsets.UTF_8.name());
		source.setFallbackToSystemLocale(false);
		return source;
	}

	private static SpringTemplateEngine templates(ResourceBundleMessageSource messages) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
		return engine;
	}

}

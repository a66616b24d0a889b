package org.guichet.presentation.about;

import java.time.ZoneId;
import java.util.Locale;

import org.guichet.system.HtmlPdf;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The tool page for a reader ({@link AboutPage}), and the same as a printable PDF: one HTML
 * document ({@code templates/presentation/about-document.html}, which shows the page's own
 * content fragment) printed by {@link HtmlPdf}.
 */
@Component
public class AboutDocuments {

	private final AboutReports reports;

	private final ITemplateEngine templates;

	private final ZoneId zone;

	AboutDocuments(AboutReports reports, ITemplateEngine templates,
			@Value("${guichet.time-zone:Europe/Paris}") ZoneId zone) {
		this.reports = reports;
		this.templates = templates;
		this.zone = zone;
	}

	/** The page's width on A4 paper with its margins, in CSS pixels (186 mm at 96 pixels an inch). */
	private static final double PRINTED_WIDTH = 700;

	/** The page's data measured now, written in {@code locale}'s language. */
	AboutPage page(Locale locale) {
		return page(locale, null);
	}

	private AboutPage page(Locale locale, @Nullable Double maxWidth) {
		AboutReport report = reports.current();
		return AboutPage.of(report, reports.topologySvg(report.deployment(), locale, maxWidth), locale, zone);
	}

	/** The page measured now as a PDF in {@code locale}'s language, the topology scaled to the paper's width. */
	byte[] pdf(Locale locale) {
		return HtmlPdf.render(html(locale));
	}

	/**
	 * The page measured now as one self-contained HTML document in {@code locale}'s language (styles
	 * inline, the topology as inline SVG scaled to a printed page's width), as the PDF prints it.
	 */
	public String html(Locale locale) {
		Context context = new Context(locale);
		context.setVariable("about", page(locale, PRINTED_WIDTH));
		return templates.process("presentation/about-document", context);
	}

}

package org.guichet.presentation.dossier;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.guichet.directory.CurrentUser;
import org.guichet.presentation.about.ByteSizes;
import org.guichet.presentation.flowchart.Flowcharts;
import org.guichet.presentation.flowchart.ShapeLinks;
import org.guichet.system.HtmlPdf;
import org.guichet.text.ImageSource;
import org.guichet.text.RichText;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a {@link TicketDossier} as one self-contained HTML document
 * ({@code templates/presentation/dossier.html}, printable styles inline, the lifecycle
 * flowchart as inline SVG, no image to fetch) and prints that same document as a PDF. The
 * Markdown texts go through the one renderer of the ticket pages ({@link RichText}), without
 * images (a dossier travels without the ticket's files).
 */
@Component
public class DossierDocument {

	private final ITemplateEngine templates;


	private final RichText richText;

	private final Flowcharts flowcharts;

	private final ZoneId zone;

	DossierDocument(ITemplateEngine templates, RichText richText, Flowcharts flowcharts,
			@Value("${guichet.time-zone:Europe/Paris}") String zone) {
		this.templates = templates;
		this.richText = richText;
		this.flowcharts = flowcharts;
		this.zone = ZoneId.of(zone);
	}

	/**
	 * The dossier as a whole HTML document in {@code locale}, its times in the desk's time zone.
	 * Links to the application's pages are absolute paths, so they work from the application only.
	 * Its flowchart highlights the path the ticket took, read as {@code reader} may see it.
	 *
	 * @throws org.guichet.system.NotFoundException when the reader may not see the ticket
	 */
	public String html(TicketDossier dossier, Locale locale, CurrentUser reader) {
		Context context = new Context(locale);
		context.setVariable("dossier", dossier);
		context.setVariable("text", new Texts(richText, zone, locale));
		context.setVariable("flowchart", flowcharts.ticketSvg(dossier.summary().ticketId(), reader, locale, ShapeLinks.NONE));
		return templates.process("presentation/dossier", context);
	}

	/** The dossier as a PDF, printed from {@link #html}. */
	public byte[] pdf(TicketDossier dossier, Locale locale, CurrentUser reader) {
		return HtmlPdf.render(html(dossier, locale, reader));
	}

	/** The file name of the dossier's download, e.g. {@code dossier-1042.pdf}. */
	public static String fileName(TicketDossier dossier, String extension) {
		return "dossier-" + dossier.summary().ticketId() + "." + extension;
	}

	/** What the template calls to show the model's texts, times and durations. */
	public static final class Texts {

		private final RichText richText;

		private final DateTimeFormatter dates;

		private final Locale locale;

		Texts(RichText richText, ZoneId zone, Locale locale) {
			this.richText = richText;
			this.locale = locale;
			this.dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
				.withLocale(locale)
				.withZone(zone);
		}

		/** A Markdown text as safe HTML, images left out (each becomes a link or its text). */
		public String markdown(@Nullable String text) {
			return richText.html(text, ImageSource.NONE);
		}

		/** An instant in the desk's time zone, in the document's language; empty for null. */
		public String at(@Nullable Instant instant) {
			return instant == null ? "" : dates.format(instant);
		}

		/** A duration in minutes as "1 h 05" or "45 min"; empty for null. */
		public String minutes(@Nullable Integer minutes) {
			if (minutes == null) {
				return "";
			}
			return minutes < 60 ? minutes + " min" : (minutes / 60) + " h " + String.format("%02d", minutes % 60);
		}

		/** A size in bytes in the document's language ({@link ByteSizes}). */
		public String size(long bytes) {
			return ByteSizes.text(bytes, locale);
		}

		/** A business duration as hours and minutes. */
		public String duration(Duration duration) {
			return minutes((int) duration.toMinutes());
		}

	}

}

package org.guichet.reporting.review;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;

/**
 * Turns the service review's HTML document into a PDF with openhtmltopdf: the HTML is parsed
 * as a browser would (jsoup), so the same document the API answers as {@code format=html} is the
 * one printed; inline {@code <svg>} charts are drawn as vectors (Batik); the text is set in
 * DejaVu Sans Condensed, embedded (subset) so that accents, typographic apostrophes and the
 * narrow no-break spaces of French numbers print on any reader. The document's style sheet
 * names the font family {@value #FONT_FAMILY}.
 */
@Component
class ReviewPdf {

	static final String FONT_FAMILY = "DejaVu Sans Condensed";

	private final byte[] regular = font("DejaVuSansCondensed.ttf");

	private final byte[] bold = font("DejaVuSansCondensed-Bold.ttf");

	/**
	 * The PDF of an HTML document.
	 *
	 * @param html a whole HTML document, self-contained (styles inline, images as data or SVG)
	 */
	byte[] render(String html) {
		org.w3c.dom.Document document = new W3CDom().fromJsoup(Jsoup.parse(html));
		ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.useFont(() -> new ByteArrayInputStream(regular), FONT_FAMILY, 400, FontStyle.NORMAL, true);
		builder.useFont(() -> new ByteArrayInputStream(bold), FONT_FAMILY, 700, FontStyle.NORMAL, true);
		builder.useSVGDrawer(new BatikSVGDrawer());
		builder.withW3cDocument(document, null);
		builder.toStream(pdf);
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The service review could not be written as PDF", ex);
		}
		return pdf.toByteArray();
	}

	private static byte[] font(String name) {
		try (InputStream in = ReviewPdf.class.getResourceAsStream("/reporting/fonts/" + name)) {
			if (in == null) {
				throw new IllegalStateException("The font " + name + " is missing from the application");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

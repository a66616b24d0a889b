package org.guichet.system;

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

/**
 * Prints a whole HTML document to PDF with openhtmltopdf (the service review, the tool page, a
 * ticket's dossier): parsed as a browser would (jsoup),
 * inline {@code <svg>} drawn as vectors (Batik), the text set in DejaVu Sans Condensed, embedded
 * so that accents and typographic apostrophes print on any reader. The document's style sheet
 * names the font family {@value #FONT_FAMILY}.
 */
public final class HtmlPdf {

	public static final String FONT_FAMILY = "DejaVu Sans Condensed";

	private static final byte[] REGULAR = font("DejaVuSansCondensed.ttf");

	private static final byte[] BOLD = font("DejaVuSansCondensed-Bold.ttf");

	private HtmlPdf() {
	}

	/**
	 * @param html a whole HTML document, self-contained (styles inline, drawings as inline SVG)
	 * @return the PDF's bytes
	 * @throws UncheckedIOException when openhtmltopdf cannot write it
	 */
	public static byte[] render(String html) {
		org.w3c.dom.Document document = new W3CDom().fromJsoup(Jsoup.parse(html));
		ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.useFont(() -> new ByteArrayInputStream(REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true);
		builder.useFont(() -> new ByteArrayInputStream(BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true);
		builder.useSVGDrawer(new BatikSVGDrawer());
		builder.withW3cDocument(document, null);
		builder.toStream(pdf);
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The document could not be written as PDF", ex);
		}
		return pdf.toByteArray();
	}

	/** The fonts are the application's, shipped once under {@code /system/fonts}. */
	private static byte[] font(String name) {
		try (InputStream in = HtmlPdf.class.getResourceAsStream("/system/fonts/" + name)) {
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

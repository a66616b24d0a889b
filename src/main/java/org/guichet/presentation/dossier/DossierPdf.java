package org.guichet.presentation.dossier;

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
 * Prints the dossier's HTML document as a PDF with openhtmltopdf, as the service review is
 * printed: parsed as a browser would (jsoup), the flowchart's inline SVG drawn as vectors
 * (Batik), the text set in the application's embedded DejaVu Sans Condensed (family
 * {@value #FONT_FAMILY}), so accents and typographic apostrophes print on any reader.
 */
@Component
class DossierPdf {

	static final String FONT_FAMILY = "DejaVu Sans Condensed";

	private final byte[] regular = font("DejaVuSansCondensed.ttf");

	private final byte[] bold = font("DejaVuSansCondensed-Bold.ttf");

	/**
	 * @param html a whole, self-contained HTML document (styles inline, charts as SVG, no image to fetch)
	 * @return the PDF's bytes
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
			throw new UncheckedIOException("The ticket's dossier could not be written as PDF", ex);
		}
		return pdf.toByteArray();
	}

	private static byte[] font(String name) {
		try (InputStream in = DossierPdf.class.getResourceAsStream("/reporting/fonts/" + name)) {
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

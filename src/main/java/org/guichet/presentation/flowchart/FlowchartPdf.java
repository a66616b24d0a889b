package org.guichet.presentation.flowchart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

/**
 * Prints a flowchart's SVG on one PDF page of its own size, as vectors (openhtmltopdf draws the
 * SVG with Batik). Batik draws the SVG's texts as outlines, which a reader cannot search nor
 * copy: the nodes' titles follow the chart as a line of text, in the order of the flow.
 */
final class FlowchartPdf {

	private static final Pattern SIZE = Pattern.compile("width=\"([0-9.]+)\" height=\"([0-9.]+)\"");

	/** Room under the chart for its outline, in pixels. */
	private static final double OUTLINE_HEIGHT = 120;

	private FlowchartPdf() {
	}

	/**
	 * @param svg a document drawn by {@link FlowchartSvg}
	 * @param title the PDF's title
	 * @param outline the nodes' titles in the order of the flow
	 * @return the PDF's bytes
	 */
	static byte[] render(String svg, String title, List<String> outline, Locale locale) {
		Matcher size = SIZE.matcher(svg);
		if (!size.find()) {
			throw new IllegalArgumentException("The flowchart's SVG has no size");
		}
		String html = "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\"/><title>"
				+ FlowchartSvg.escape(title) + "</title><style>@page { size: " + size.group(1) + "px "
				+ (Double.parseDouble(size.group(2)) + OUTLINE_HEIGHT) + "px; margin: 0 } body { margin: 0 }"
				+ " p { margin: 0 20px; font-size: 9px; color: #334155 }</style></head><body>" + svg + "<p>"
				+ FlowchartSvg.escape(String.join(" · ", outline)) + "</p></body></html>";
		ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.useSVGDrawer(new BatikSVGDrawer());
		builder.withHtmlContent(html, null);
		builder.toStream(pdf);
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The flowchart could not be written as PDF", ex);
		}
		return pdf.toByteArray();
	}

}

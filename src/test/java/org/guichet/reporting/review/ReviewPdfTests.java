package org.guichet.reporting.review;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.guichet.system.HtmlPdf;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewPdfTests {

	@Test
	void frenchTextPrintsWithItsAccentsApostrophesAndNarrowSpaces() throws IOException {
		String html = "<!DOCTYPE html><html lang=fr><head><meta charset=utf-8><style>body{font-family:'"
				+ HtmlPdf.FONT_FAMILY + "'}</style></head><body><h1>Revue de service — décembre 2026</h1>"
				+ "<p>Délai moyen d’une prise en charge : 1\u202F234 min, à 95,5\u00A0% ; «\u00A0clôturé\u00A0»</p></body></html>";

		try (PDDocument document = Loader.loadPDF(HtmlPdf.render(html))) {
			String text = new PDFTextStripper().getText(document);

			assertThat(text).contains("Revue de service — décembre 2026", "Délai moyen d’une prise en charge",
					"1\u202F234 min", "clôturé");
			assertThat(document.getPage(0).getResources().getFontNames()).isNotEmpty();
		}
	}

	@Test
	void anInlineSvgChartIsDrawnInThePdf() throws IOException {
		String chart = SvgChart.columns("Volumes", List.of(new SvgChart.Bar("Lun", 4), new SvgChart.Bar("Mar", 8)),
				v -> String.valueOf((long) v), Locale.FRENCH);
		String withChart = "<!DOCTYPE html><html><body><p>x</p>" + chart + "</body></html>";
		String without = "<!DOCTYPE html><html><body><p>x</p></body></html>";

		try (PDDocument drawn = Loader.loadPDF(HtmlPdf.render(withChart));
				PDDocument blank = Loader.loadPDF(HtmlPdf.render(without))) {
			assertThat(darkPixels(drawn)).as("pixels painted by the chart").isGreaterThan(darkPixels(blank) + 1000);
		}
	}

	private static long darkPixels(PDDocument document) throws IOException {
		BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 72);
		long dark = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int rgb = image.getRGB(x, y);
				if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 600) {
					dark++;
				}
			}
		}
		return dark;
	}

}

package org.guichet.presentation.flowchart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class FlowchartExportTests {

	private static String svg(Locale locale) {
		return Flowcharts.svg(FlowchartBuilder.build(FlowchartBuilderTests.full()), FlowchartSvgTests.texts(locale),
				false, "");
	}

	@Test
	void thePngDecodesAtTheAskedWidthKeepingTheProportions() throws IOException {
		String svg = svg(Locale.ENGLISH);

		BufferedImage image = ImageIO.read(new ByteArrayInputStream(FlowchartPng.render(svg, 800)));

		assertThat(image.getWidth()).isEqualTo(800);
		assertThat(image.getHeight()).isGreaterThan(800);
	}

	@Test
	void thePdfTextNamesEveryStep() throws IOException {
		byte[] bytes = Flowcharts.pdf(FlowchartBuilder.build(FlowchartBuilderTests.full()),
				FlowchartSvgTests.texts(Locale.FRENCH), false, "");

		try (PDDocument pdf = Loader.loadPDF(bytes)) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(1);
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains("1. Enregistrement", "2. Catégorisation", "3. Priorisation", "4. Affectation et SLA",
					"5. Résolution au niveau 1", "6. Clôture");
		}
	}

}

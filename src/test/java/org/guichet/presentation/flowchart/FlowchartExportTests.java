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
		return svg(locale, false);
	}

	private static String svg(Locale locale, boolean lanes) {
		return Flowcharts.svg(FlowchartBuilder.build(FlowchartBuilderTests.full()), FlowchartSvgTests.texts(locale),
				lanes, ShapeLinks.NONE);
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
				FlowchartSvgTests.texts(Locale.FRENCH), false, ShapeLinks.NONE);

		try (PDDocument pdf = Loader.loadPDF(bytes)) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(1);
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains("1. Enregistrement", "2. Catégorisation", "3. Priorisation", "4. Affectation et SLA",
					"5. Résolution au niveau 1", "6. Clôture");
		}
	}

	@Test
	void withLanesThePngDecodesAtTheAskedWidthAndShowsTheBands() throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(FlowchartPng.render(svg(Locale.ENGLISH, true), 1200)));

		assertThat(image.getWidth()).isEqualTo(1200);
		assertThat(image.getHeight()).isGreaterThan(400);
		assertThat(image.getRGB(3, 3) & 0xffffff).as("the requester's title cell at the top left, in its green")
			.isEqualTo(0xdcfce7);
	}

	@Test
	void withLanesThePdfTextNamesEveryActorAndEveryStep() throws IOException {
		byte[] bytes = Flowcharts.pdf(FlowchartBuilder.build(FlowchartBuilderTests.full()),
				FlowchartSvgTests.texts(Locale.FRENCH), true, ShapeLinks.NONE);

		try (PDDocument pdf = Loader.loadPDF(bytes)) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(1);
			String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains("Demandeur", "Centre de services", "Niveaux 2 et 3", "Guichet", "1. Enregistrement",
					"4. Affectation et SLA", "5. Résolution au niveau 1", "6. Clôture");
		}
	}

}

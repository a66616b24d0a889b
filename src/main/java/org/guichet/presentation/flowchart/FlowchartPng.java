package org.guichet.presentation.flowchart;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;

import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;

/** Rasterises a flowchart's SVG as a PNG image with Apache Batik. */
final class FlowchartPng {

	/** The narrowest and widest image asked for, in pixels. */
	static final int MIN_WIDTH = 200;

	static final int MAX_WIDTH = 8000;

	private FlowchartPng() {
	}

	/**
	 * @param svg a document drawn by {@link FlowchartSvg}
	 * @param width the image's width in pixels, from {@value #MIN_WIDTH} to {@value #MAX_WIDTH}, or
	 * null for the drawing's own width; the height keeps the drawing's proportions
	 * @return the PNG's bytes
	 */
	static byte[] render(String svg, @org.jspecify.annotations.Nullable Integer width) {
		PNGTranscoder transcoder = new PNGTranscoder();
		if (width != null) {
			transcoder.addTranscodingHint(PNGTranscoder.KEY_WIDTH, width.floatValue());
		}
		TranscoderInput input = new TranscoderInput(new StringReader(svg));
		input.setURI("file:/flowchart.svg");
		ByteArrayOutputStream png = new ByteArrayOutputStream(128 * 1024);
		try {
			transcoder.transcode(input, new TranscoderOutput(png));
		}
		catch (TranscoderException ex) {
			throw new IllegalStateException("The flowchart could not be drawn as PNG", ex);
		}
		return png.toByteArray();
	}

}

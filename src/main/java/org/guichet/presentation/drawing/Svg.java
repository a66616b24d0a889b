package org.guichet.presentation.drawing;

import java.util.ArrayList;
import java.util.List;

/**
 * The pieces of SVG text every drawing of the module writes the same way: the font, the
 * measure of a text line, escaping, numbers and the arrow head.
 */
public final class Svg {

	/** Width of one character of {@link #FONT}, in pixels, to size boxes from their text. */
	public static final double CHAR_WIDTH = 7.0;

	/** Height of one line of text, in pixels. */
	public static final double LINE_HEIGHT = 16;

	/** The font attributes of a drawing's root element. */
	public static final String FONT = "font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\" font-size=\"12\"";

	/** Colour of the links and the arrow heads. */
	public static final String LINK_COLOUR = "#334155";

	/** Colour of the texts. */
	public static final String TEXT_COLOUR = "#0f172a";

	private Svg() {
	}

	/** {@code text} with the characters XML gives a meaning escaped, for an element or an attribute. */
	public static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	/**
	 * A coordinate with one decimal, whatever the locale, its magnitude rounded half up ("-0.0"
	 * never written). Written by hand: {@code String.format} was a fifth of a chart's drawing time.
	 */
	public static String number(double value) {
		long tenths = Math.round(Math.abs(value) * 10);
		return (value < 0 && tenths != 0 ? "-" : "") + tenths / 10 + "." + tenths % 10;
	}

	/**
	 * A drawing's {@code width} or {@code height} attribute: whole pixels, rounded up. openhtmltopdf
	 * reads no decimals there and prints a drawing sized {@code "792.0"} at its 400-pixel default.
	 */
	public static String size(double value) {
		return Long.toString((long) Math.ceil(value));
	}

	/** A {@code <marker>} drawing an arrow head, to put in {@code <defs>} and refer to as {@code url(#id)}. */
	public static String arrowMarker(String id) {
		return "<marker id=\"" + id + "\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\""
				+ " markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"" + LINK_COLOUR
				+ "\"/></marker>";
	}

	/** {@code text} cut at spaces into lines of at most {@code width} characters (a longer word keeps its line). */
	public static List<String> wrap(String text, int width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split("\\s+")) {
			if (line.length() > 0 && line.length() + 1 + word.length() > width) {
				lines.add(line.toString());
				line.setLength(0);
			}
			if (line.length() > 0) {
				line.append(' ');
			}
			line.append(word);
		}
		if (line.length() > 0) {
			lines.add(line.toString());
		}
		return lines;
	}

}

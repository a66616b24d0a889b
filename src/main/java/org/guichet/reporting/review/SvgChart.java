package org.guichet.reporting.review;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

import org.guichet.text.Typography;

/**
 * Draws the service review's charts as SVG markup, on the server, so that the page and the PDF
 * show the same picture without a script: vertical bars (a distribution, a volume per day),
 * horizontal bars (a volume per channel or category, whose names are long) and lines (a trend
 * per day, several series). Each bar is a {@code <rect class="bar">} and each line a
 * {@code <polyline class="line">}, each with a {@code <title>} naming its label and value; the
 * chart as a whole is an image ({@code role="img"}) named by its title. Texts are escaped.
 *
 * <p>Sizes are in SVG user units; the {@code width}/{@code height} attributes equal the
 * {@code viewBox}, and the style sheets scale the chart to its container.
 */
final class SvgChart {

	static final int WIDTH = 640;

	static final int HEIGHT = 240;

	/** Colours of the series, in order (Tabler's blue, green, orange, red, purple). */
	private static final List<String> COLOURS = List.of("#206bc4", "#2fb344", "#f76707", "#d63939", "#ae3ec9");

	private static final int LEFT = 56;

	private static final int RIGHT = 12;

	private static final int TOP = 28;

	private static final int BOTTOM = 40;

	private static final int TICKS = 4;

	/** One bar: its label on the axis and its value (≥ 0). */
	record Bar(String label, double value) {
	}

	/** One line of a line chart: its name in the legend and one value per label of the chart. */
	record Series(String name, List<Double> values) {
	}

	private SvgChart() {
	}

	/**
	 * Vertical bars, one per entry, left to right.
	 *
	 * @param title what the chart shows: its accessible name (the page writes it as a heading)
	 * @param format writes a value (an axis tick or a bar's value) for the reader
	 * @param language the reader's, for the bars' tooltips ("label: value")
	 */
	static String columns(String title, List<Bar> bars, DoubleFunction<String> format, Locale language) {
		Svg svg = new Svg(title, HEIGHT);
		double max = niceMax(bars.stream().mapToDouble(Bar::value).max().orElse(0));
		int plotWidth = WIDTH - LEFT - RIGHT;
		int plotHeight = HEIGHT - TOP - BOTTOM;
		svg.valueGrid(max, format, plotHeight);
		double slot = bars.isEmpty() ? plotWidth : (double) plotWidth / bars.size();
		int labelEvery = Math.max(1, (int) Math.ceil(bars.size() / 12.0));
		for (int i = 0; i < bars.size(); i++) {
			Bar bar = bars.get(i);
			double height = max == 0 ? 0 : bar.value() / max * plotHeight;
			double x = LEFT + i * slot + slot * 0.15;
			svg.bar(x, TOP + plotHeight - height, slot * 0.7, height, COLOURS.get(0),
					Typography.labelled(bar.label(), format.apply(bar.value()), language));
			if (i % labelEvery == 0) {
				svg.text(LEFT + i * slot + slot / 2, HEIGHT - BOTTOM + 16, "middle", bar.label());
			}
		}
		return svg.close();
	}

	/**
	 * Horizontal bars, one per entry, top to bottom, the label at the left of each; the chart is
	 * as tall as its bars need.
	 */
	static String rows(String title, List<Bar> bars, DoubleFunction<String> format, Locale language) {
		int rowHeight = 22;
		int labelWidth = 180;
		int top = 4;
		int height = top + Math.max(1, bars.size()) * rowHeight + 4;
		Svg svg = new Svg(title, height);
		double max = niceMax(bars.stream().mapToDouble(Bar::value).max().orElse(0));
		int plotWidth = WIDTH - labelWidth - RIGHT - 56;
		for (int i = 0; i < bars.size(); i++) {
			Bar bar = bars.get(i);
			double y = top + i * rowHeight;
			double width = max == 0 ? 0 : bar.value() / max * plotWidth;
			svg.text(labelWidth - 6, y + rowHeight * 0.65, "end", shorten(bar.label(), 28));
			svg.bar(labelWidth, y + 3, width, rowHeight - 6, COLOURS.get(0),
					Typography.labelled(bar.label(), format.apply(bar.value()), language));
			svg.text(labelWidth + width + 4, y + rowHeight * 0.65, "start", format.apply(bar.value()));
		}
		return svg.close();
	}

	/**
	 * One line per series over the same labels (e.g. the days of the month), with a legend.
	 *
	 * @param labels the points' labels on the horizontal axis; each series has one value per label
	 * @throws IllegalArgumentException when a series has not one value per label
	 */
	static String lines(String title, List<String> labels, List<Series> series, DoubleFunction<String> format) {
		for (Series one : series) {
			if (one.values().size() != labels.size()) {
				throw new IllegalArgumentException(
						"The series " + one.name() + " has " + one.values().size() + " values for " + labels.size() + " labels");
			}
		}
		Svg svg = new Svg(title, HEIGHT);
		double max = niceMax(series.stream().flatMap(s -> s.values().stream()).mapToDouble(Double::doubleValue).max()
			.orElse(0));
		int plotWidth = WIDTH - LEFT - RIGHT;
		int plotHeight = HEIGHT - TOP - BOTTOM;
		svg.valueGrid(max, format, plotHeight);
		double step = labels.size() < 2 ? 0 : (double) plotWidth / (labels.size() - 1);
		int labelEvery = Math.max(1, (int) Math.ceil(labels.size() / 10.0));
		for (int i = 0; i < labels.size(); i += labelEvery) {
			svg.text(LEFT + i * step, HEIGHT - BOTTOM + 16, "middle", labels.get(i));
		}
		for (int s = 0; s < series.size(); s++) {
			Series one = series.get(s);
			String colour = COLOURS.get(s % COLOURS.size());
			StringBuilder points = new StringBuilder();
			for (int i = 0; i < labels.size(); i++) {
				double y = TOP + plotHeight - (max == 0 ? 0 : one.values().get(i) / max * plotHeight);
				points.append(i == 0 ? "" : " ").append(number(LEFT + i * step)).append(',').append(number(y));
			}
			svg.line(points.toString(), colour, one.name());
			double legendX = LEFT + s * 150;
			svg.legend(legendX, 8, colour, one.name());
		}
		return svg.close();
	}

	/**
	 * The top of the value axis: {@value #TICKS} equal steps of 1, 2 or 5 × 10ⁿ (at least 1, the
	 * charts count tickets), so that every tick is a whole number, reaching at least {@code max}.
	 */
	static double niceMax(double max) {
		double raw = Math.max(1, max / TICKS);
		double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
		for (double step : new double[] { 1, 2, 5, 10 }) {
			if (step * magnitude >= raw) {
				return step * magnitude * TICKS;
			}
		}
		return 10 * magnitude * TICKS;
	}

	private static String shorten(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length - 1) + "…";
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> {
					if (c >= 0x20 || c == '\n' || c == '\t') {
						out.appendCodePoint(c);
					}
				}
			}
		});
		return out.toString();
	}

	/** The markup being written: the root element, then shapes, then {@link #close()}. */
	private static final class Svg {

		private final StringBuilder out = new StringBuilder(4096);

		Svg(String title, int height) {
			out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"").append(WIDTH)
				.append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
				.append(height).append("\" font-family=\"DejaVu Sans Condensed, sans-serif\" font-size=\"11\">")
				.append("<title>").append(escape(title)).append("</title>");
		}

		void valueGrid(double max, DoubleFunction<String> format, int plotHeight) {
			for (int tick = 0; tick <= TICKS; tick++) {
				double value = max * tick / TICKS;
				double y = TOP + plotHeight - plotHeight * tick / (double) TICKS;
				out.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
					.append("\" y1=\"").append(number(y)).append("\" y2=\"").append(number(y))
					.append("\" stroke=\"#dadfe5\" stroke-width=\"1\"/>");
				text(LEFT - 6, y + 4, "end", format.apply(value));
			}
		}

		void bar(double x, double y, double width, double barHeight, String colour, String tooltip) {
			out.append("<rect class=\"bar\" x=\"").append(number(x)).append("\" y=\"").append(number(y))
				.append("\" width=\"").append(number(width)).append("\" height=\"").append(number(barHeight))
				.append("\" fill=\"").append(colour).append("\"><title>").append(escape(tooltip))
				.append("</title></rect>");
		}

		void line(String points, String colour, String name) {
			out.append("<polyline class=\"line\" fill=\"none\" stroke=\"").append(colour)
				.append("\" stroke-width=\"2\" points=\"").append(points).append("\"><title>").append(escape(name))
				.append("</title></polyline>");
		}

		void legend(double x, double y, String colour, String name) {
			out.append("<rect class=\"legend\" x=\"").append(number(x)).append("\" y=\"").append(number(y))
				.append("\" width=\"10\" height=\"10\" fill=\"").append(colour).append("\"/>");
			text(x + 14, y + 9, "start", name);
		}

		void text(double x, double y, String anchor, String text) {
			out.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y))
				.append("\" text-anchor=\"").append(anchor).append("\" fill=\"#49566c\">").append(escape(text))
				.append("</text>");
		}

		String close() {
			return out.append("</svg>").toString();
		}

	}

}

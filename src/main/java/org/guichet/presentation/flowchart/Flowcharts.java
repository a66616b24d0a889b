package org.guichet.presentation.flowchart;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The lifecycle flowchart of the desk as it is configured now, drawn in a language, with or
 * without the actors' lanes.
 */
@Service
public class Flowcharts {

	private final LifecycleConfigurations configurations;

	private final MessageSource messages;

	Flowcharts(LifecycleConfigurations configurations, MessageSource messages) {
		this.configurations = configurations;
		this.messages = messages;
	}

	/** The chart's graph as the configuration gives it now. */
	public Flowchart current() {
		return FlowchartBuilder.build(configurations.current());
	}

	/**
	 * The chart as an SVG document.
	 *
	 * @param locale the language of its texts (French or English; another falls back to the default bundle)
	 * @param lanes true to colour each shape by its actor (requester, N1, N2/N3, system), with a legend row
	 * @param contextPath the application's context path put before the shapes' links ("" at the root)
	 */
	public String svg(Locale locale, boolean lanes, String contextPath) {
		return svg(current(), new FlowchartTexts(messages, locale), lanes, contextPath);
	}

	/** The chart as a one-page PDF, same arguments as {@link #svg}. */
	public byte[] pdf(Locale locale, boolean lanes, String contextPath) {
		FlowchartTexts texts = new FlowchartTexts(messages, locale);
		return pdf(current(), texts, lanes, contextPath);
	}

	/**
	 * The chart as a PNG image, same arguments as {@link #svg}.
	 *
	 * @param width the image's width in pixels ({@value FlowchartPng#MIN_WIDTH} to
	 * {@value FlowchartPng#MAX_WIDTH}), null for the drawing's own; the caller checks the range
	 */
	public byte[] png(Locale locale, boolean lanes, String contextPath, @Nullable Integer width) {
		return FlowchartPng.render(svg(locale, lanes, contextPath), width);
	}

	static byte[] pdf(Flowchart chart, FlowchartTexts texts, boolean lanes, String contextPath) {
		List<String> outline = chart.nodes().stream().map(node -> texts.text(node.title())).toList();
		return FlowchartPdf.render(svg(chart, texts, lanes, contextPath), texts.text("flowchart.title"), outline,
				texts.locale());
	}

	static String svg(Flowchart chart, FlowchartTexts texts, boolean lanes, String contextPath) {
		return FlowchartSvg.draw(FlowchartLayout.layout(chart, texts, lanes), texts, contextPath);
	}

}

package org.guichet.presentation.flowchart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.guichet.presentation.drawing.Svg;
import org.guichet.presentation.flowchart.LaidOutFlowchart.Band;
import org.guichet.presentation.flowchart.LaidOutFlowchart.Placed;
import org.guichet.presentation.flowchart.LaidOutFlowchart.Route;
import org.jspecify.annotations.Nullable;

/**
 * Draws a laid-out flowchart as a standalone SVG document: ovals for the start and the end,
 * rectangles for the steps, diamonds for the decisions with their branches labelled, a document
 * shape for a document, arrows for the links, and a legend; with lanes, each actor's band titled
 * with its name and each node coloured by its actor. Each shape whose step is configured somewhere
 * links to that administration page when {@link ShapeLinks} allows it.
 * <p>
 * With a ticket's path, the nodes and edges it passed are drawn thicker in orange, each node with
 * a badge giving its positions in the path (colour is not the only cue: the badges and the
 * thickness say it too), and the rest is faded.
 */
final class FlowchartSvg {

	private static final double LEGEND_HEIGHT = 70;

	private static final double ACTOR_LEGEND_HEIGHT = 40;

	/** Fill and outline of each actor's nodes when the chart is coloured by actor, in {@link Lane}'s order. */
	private static final String[][] ACTOR_COLOURS = { { "#dcfce7", "#15803d" }, { "#dbeafe", "#1d4ed8" },
			{ "#fee2e2", "#b91c1c" }, { "#e5e7eb", "#4b5563" } };

	private static final String FONT = "font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\" font-size=\"12\"";

	private final StringBuilder svg = new StringBuilder(16_384);

	private final ShapeLinks links;

	private static final double PATH_LEGEND_HEIGHT = 32;

	private static final String PATH_COLOUR = "#c2410c";

	/** Opacity of what a ticket's path did not pass. */
	private static final String FADED = "0.3";

	/** The most positions a node's badge lists; more end with an ellipsis. */
	private static final int BADGE_POSITIONS = 3;

	private final boolean byActor;

	private final @Nullable Map<String, List<Integer>> pathNodes;

	private final @Nullable Map<String, Integer> pathEdges;

	/** The nodes of the ticket's path in the order passed, null for the plain chart. */
	private final @Nullable List<TicketPath.Step> pathSteps;

	private final FlowchartTexts texts;

	private FlowchartSvg(ShapeLinks links, boolean byActor, @Nullable TicketPath path, FlowchartTexts texts) {
		this.links = links;
		this.byActor = byActor;
		this.pathNodes = path == null ? null : path.nodeOrders();
		this.pathEdges = path == null ? null : path.edgeCounts();
		this.pathSteps = path == null ? null : path.steps();
		this.texts = texts;
	}

	/**
	 * @param chart the placed chart
	 * @param texts the language of the legend and the title
	 * @param links where the shapes link, if anywhere
	 * @return the SVG document, UTF-8 text without XML declaration
	 */
	static String draw(LaidOutFlowchart chart, FlowchartTexts texts, ShapeLinks links) {
		return draw(chart, texts, links, null);
	}

	/**
	 * The same, with a ticket's path highlighted when {@code path} is not null.
	 *
	 * @param path the ticket's path over the same chart, or null for the plain chart
	 */
	static String draw(LaidOutFlowchart chart, FlowchartTexts texts, ShapeLinks links, @Nullable TicketPath path) {
		return new FlowchartSvg(links, chart.byActor(), path, texts).document(chart, texts);
	}

	private String document(LaidOutFlowchart chart, FlowchartTexts texts) {
		double width = Math.max(chart.width(), 640);
		double height = chart.height() + LEGEND_HEIGHT + (chart.byActor() ? ACTOR_LEGEND_HEIGHT : 0)
				+ (pathNodes != null ? PATH_LEGEND_HEIGHT : 0);
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"")
			.append(" class=\"flowchart\" role=\"img\" aria-labelledby=\"flowchart-title\"")
			.append(" aria-describedby=\"flowchart-desc\"")
			.append(" lang=\"").append(texts.locale().getLanguage()).append('"')
			.append(" width=\"").append(Svg.size(width)).append("\" height=\"").append(Svg.size(height))
			.append("\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height)).append("\" ").append(FONT)
			.append(">\n<title id=\"flowchart-title\">").append(escape(texts.text("flowchart.title"))).append("</title>\n")
			.append("<desc id=\"flowchart-desc\">").append(escape(description(chart))).append("</desc>\n")
			.append("<defs><marker id=\"fc-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\"")
			.append(" markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#334155\"/></marker>")
			.append("<marker id=\"fc-arrow-path\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"5\"")
			.append(" markerHeight=\"5\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"").append(PATH_COLOUR)
			.append("\"/></marker></defs>\n")
			.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
		for (int i = 0; i < chart.lanes().size(); i++) {
			band(chart.lanes().get(i), width, i % 2 == 1);
		}
		for (Route route : chart.edges()) {
			edge(route);
		}
		for (Placed node : chart.nodes()) {
			node(node);
		}
		for (Route route : chart.edges()) {
			edgeLabel(route);
		}
		legend(texts, chart.height() + 10, chart.byActor());
		svg.append("</svg>\n");
		return svg.toString();
	}

	/**
	 * The chart in words, for those who do not see it (the image's description): a ticket's path,
	 * its steps numbered in the order passed, or else every shape of the chart, each with its
	 * actor when the chart has lanes.
	 */
	private String description(LaidOutFlowchart chart) {
		Map<String, Placed> placed = new LinkedHashMap<>();
		for (Placed node : chart.nodes()) {
			placed.put(node.node().id(), node);
		}
		List<String> parts = new ArrayList<>();
		// French sets a space before the semicolon
		String separator = texts.locale().getLanguage().equals("fr") ? " ; " : "; ";
		if (pathSteps != null) {
			Map<String, String> branches = new LinkedHashMap<>();
			for (Route route : chart.edges()) {
				if (route.label() != null) {
					branches.put(route.edge().id(), route.label());
				}
			}
			for (int i = 0; i < pathSteps.size(); i++) {
				Placed node = placed.get(pathSteps.get(i).node());
				if (node != null) {
					// a decision says the branch the ticket took out of it
					String next = i + 1 < pathSteps.size() ? pathSteps.get(i + 1).edge() : null;
					String branch = next == null ? null : branches.get(next);
					parts.add(texts.text(Label.of("flowchart.desc.step", i + 1, describe(node, branch))));
				}
			}
			return texts.text(Label.of("flowchart.desc.path", String.join(separator, parts)));
		}
		for (Placed node : placed.values()) {
			parts.add(describe(node, null));
		}
		return texts.text(Label.of("flowchart.desc.chart", String.join(separator, parts)));
	}

	/** The shape's text, then the branch taken out of it if given, then its actor on a chart with lanes. */
	private String describe(Placed node, @Nullable String branch) {
		String text = String.join(" ", node.lines()) + (branch == null ? "" : " " + branch);
		return byActor ? text + " (" + texts.text("flowchart.lane." + node.node().lane().name()) + ")" : text;
	}

	/**
	 * An actor's swimlane: a band across the drawing ({@code shaded} every other one) with a title
	 * cell on its left in the actor's colours.
	 */
	private void band(Band band, double width, boolean shaded) {
		String[] colours = ACTOR_COLOURS[band.lane().ordinal()];
		double height = band.bottom() - band.top();
		List<String> title = FlowchartTexts.wrap(texts.text("flowchart.lane." + band.lane().name()),
				FlowchartLayout.LANE_HEADER_CHARS);
		svg.append("<g class=\"fc-lane\" data-lane=\"").append(band.lane().name()).append("\"><rect x=\"0\" y=\"")
			.append(n(band.top())).append("\" width=\"").append(n(width)).append("\" height=\"").append(n(height))
			.append("\" fill=\"").append(shaded ? "#f8fafc" : "#ffffff").append("\" stroke=\"#94a3b8\"/><rect x=\"0\" y=\"")
			.append(n(band.top())).append("\" width=\"").append(n(band.header())).append("\" height=\"").append(n(height))
			.append("\" fill=\"").append(colours[0]).append("\" stroke=\"").append(colours[1]).append("\"/>");
		for (int i = 0; i < title.size(); i++) {
			svg.append("<text class=\"fc-lane-title\" x=\"").append(n(band.header() / 2)).append("\" y=\"")
				.append(n(band.top() + 22 + i * FlowchartLayout.LINE_HEIGHT))
				.append("\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"#0f172a\">").append(escape(title.get(i)))
				.append("</text>");
		}
		svg.append("</g>\n");
	}

	private void edge(Route route) {
		if (route.points().size() < 2) {
			return;
		}
		StringBuilder d = new StringBuilder();
		for (double[] point : route.points()) {
			d.append(d.length() == 0 ? "M" : " L").append(n(point[0])).append(',').append(n(point[1]));
		}
		FlowEdge edge = route.edge();
		Integer taken = pathEdges == null ? null : pathEdges.get(edge.id());
		svg.append("<path class=\"fc-edge").append(taken != null ? " fc-on-path" : "").append("\" data-edge=\"")
			.append(escape(edge.id())).append('"');
		if (taken != null) {
			svg.append(" data-count=\"").append(taken).append('"');
		}
		svg.append(" d=\"").append(d).append("\" fill=\"none\"");
		if (taken != null) {
			svg.append(" stroke=\"").append(PATH_COLOUR).append("\" stroke-width=\"4\"");
		}
		else {
			svg.append(" stroke=\"#334155\" stroke-width=\"1.4\"");
			if (pathEdges != null) {
				svg.append(" opacity=\"").append(FADED).append('"');
			}
		}
		if (edge.association()) {
			svg.append(" stroke-dasharray=\"5,4\"");
		}
		else {
			svg.append(" marker-end=\"url(#").append(taken != null ? "fc-arrow-path" : "fc-arrow").append(")\"");
		}
		svg.append("/>\n");
	}

	private void edgeLabel(Route route) {
		if (route.label() == null) {
			return;
		}
		double width = route.label().length() * FlowchartLayout.CHAR_WIDTH + 6;
		boolean faded = pathEdges != null && !pathEdges.containsKey(route.edge().id());
		svg.append("<g class=\"fc-branch\" data-edge=\"").append(escape(route.edge().id())).append('"')
			.append(faded ? " opacity=\"" + FADED + "\"" : "").append("><rect x=\"")
			.append(n(route.labelX())).append("\" y=\"").append(n(route.labelY())).append("\" width=\"").append(n(width))
			.append("\" height=\"").append(n(FlowchartLayout.LINE_HEIGHT))
			.append("\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.9\"/><text x=\"").append(n(route.labelX() + width / 2))
			.append("\" y=\"").append(n(route.labelY() + 12)).append("\" text-anchor=\"middle\" font-style=\"italic\"")
			.append(" fill=\"#0f172a\">").append(escape(route.label())).append("</text></g>\n");
	}

	private void node(Placed placed) {
		FlowNode node = placed.node();
		String link = links.href(node.configuredAt());
		if (link != null) {
			svg.append("<a xlink:href=\"").append(escape(link)).append("\">");
		}
		List<Integer> positions = pathNodes == null ? null : pathNodes.get(node.id());
		svg.append("<g class=\"fc-node fc-").append(node.kind().name().toLowerCase(Locale.ROOT))
			.append(positions != null ? " fc-on-path" : "").append("\" data-node=\"").append(escape(node.id())).append('"');
		if (positions != null) {
			svg.append(" data-steps=\"").append(join(positions, positions.size())).append('"');
		}
		else if (pathNodes != null) {
			svg.append(" opacity=\"").append(FADED).append('"');
		}
		svg.append("><title>").append(escape(String.join(" ", placed.lines())));
		if (positions != null) {
			svg.append(' ').append(escape(texts.text(Label.of("flowchart.path.steps", positions.size(),
					join(positions, positions.size())))));
		}
		svg.append("</title>");
		String[] colours = byActor ? ACTOR_COLOURS[node.lane().ordinal()] : colours(node.kind());
		if (positions != null) {
			colours = new String[] { colours[0], PATH_COLOUR };
		}
		svg.append("<g data-lane=\"").append(node.lane().name()).append("\">");
		shape(node.kind(), placed.x(), placed.y(), placed.width(), placed.height(), colours, positions != null ? 4 : 1.5);
		svg.append("</g>");
		text(placed);
		if (positions != null) {
			badge(join(positions, BADGE_POSITIONS), placed.x() + placed.width(), placed.y());
		}
		svg.append("</g>");
		if (link != null) {
			svg.append("</a>");
		}
		svg.append('\n');
	}

	private static String[] colours(NodeKind kind) {
		return switch (kind) {
			case START, END -> new String[] { "#dcfce7", "#15803d" };
			case STEP -> new String[] { "#dbeafe", "#1d4ed8" };
			case DECISION -> new String[] { "#fef3c7", "#b45309" };
			case DOCUMENT -> new String[] { "#f3e8ff", "#7e22ce" };
		};
	}

	/** A node's positions in the path, at most {@code most} of them then an ellipsis: "3", "5, 9", "2, 4, 6, …". */
	private static String join(List<Integer> positions, int most) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < Math.min(most, positions.size()); i++) {
			text.append(i == 0 ? "" : ", ").append(positions.get(i));
		}
		return positions.size() > most ? text.append(", …").toString() : text.toString();
	}

	/** A rounded badge holding {@code text}, centred on the point {@code (x, y)}. */
	private void badge(String text, double x, double y) {
		double width = Math.max(20, text.length() * FlowchartLayout.CHAR_WIDTH + 10);
		svg.append("<g class=\"fc-badge\"><rect x=\"").append(n(x - width / 2)).append("\" y=\"").append(n(y - 10))
			.append("\" width=\"").append(n(width)).append("\" height=\"20\" rx=\"10\" fill=\"").append(PATH_COLOUR)
			.append("\" stroke=\"#ffffff\" stroke-width=\"1.5\"/><text x=\"").append(n(x)).append("\" y=\"")
			.append(n(y + 4)).append("\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\" fill=\"#ffffff\">")
			.append(escape(text)).append("</text></g>");
	}

	private void shape(NodeKind kind, double x, double y, double w, double h, String[] colours) {
		shape(kind, x, y, w, h, colours, 1.5);
	}

	private void shape(NodeKind kind, double x, double y, double w, double h, String[] colours, double strokeWidth) {
		String paint = " fill=\"" + colours[0] + "\" stroke=\"" + colours[1] + "\" stroke-width=\"" + n(strokeWidth)
				+ "\"/>";
		switch (kind) {
			case START, END -> svg.append("<ellipse cx=\"").append(n(x + w / 2)).append("\" cy=\"").append(n(y + h / 2))
				.append("\" rx=\"").append(n(w / 2)).append("\" ry=\"").append(n(h / 2))
				.append('"').append(paint);
			case STEP -> svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
				.append(n(w)).append("\" height=\"").append(n(h))
				.append("\" rx=\"3\"").append(paint);
			case DECISION -> svg.append("<polygon points=\"").append(n(x + w / 2)).append(',').append(n(y)).append(' ')
				.append(n(x + w)).append(',').append(n(y + h / 2)).append(' ').append(n(x + w / 2)).append(',')
				.append(n(y + h)).append(' ').append(n(x)).append(',').append(n(y + h / 2))
				.append('"').append(paint);
			case DOCUMENT -> {
				double wave = 8;
				svg.append("<path d=\"M").append(n(x)).append(',').append(n(y)).append(" H").append(n(x + w)).append(" V")
					.append(n(y + h - wave)).append(" C").append(n(x + w * 0.75)).append(',').append(n(y + h - 2 * wave))
					.append(' ').append(n(x + w * 0.25)).append(',').append(n(y + h + wave)).append(' ').append(n(x))
					.append(',').append(n(y + h - wave)).append(" Z\"").append(paint);
			}
		}
	}

	private void text(Placed placed) {
		List<String> lines = placed.lines();
		double lineHeight = FlowchartLayout.LINE_HEIGHT;
		double bottomWave = placed.node().kind() == NodeKind.DOCUMENT ? 8 : 0;
		double top = placed.y() + (placed.height() - bottomWave - lines.size() * lineHeight) / 2 + 12;
		double center = placed.x() + placed.width() / 2;
		for (int i = 0; i < lines.size(); i++) {
			svg.append("<text x=\"").append(n(center)).append("\" y=\"").append(n(top + i * lineHeight))
				.append("\" text-anchor=\"middle\" fill=\"#0f172a\"");
			if (i < placed.titleLines()) {
				svg.append(" font-weight=\"bold\"");
			}
			else {
				svg.append(" font-size=\"11\"");
			}
			svg.append('>').append(escape(lines.get(i))).append("</text>");
		}
	}

	private void legend(FlowchartTexts texts, double y, boolean byActor) {
		svg.append("<g class=\"fc-legend\"><text x=\"20\" y=\"").append(n(y + 12)).append("\" font-weight=\"bold\">")
			.append(escape(texts.text("flowchart.legend"))).append("</text>\n");
		double x = 20;
		for (NodeKind kind : List.of(NodeKind.START, NodeKind.STEP, NodeKind.DECISION, NodeKind.DOCUMENT)) {
			shape(kind, x, y + 22, 44, 26, colours(kind));
			String text = texts.text("flowchart.legend." + kind.name());
			svg.append("<text x=\"").append(n(x + 52)).append("\" y=\"").append(n(y + 39)).append("\">")
				.append(escape(text)).append("</text>\n");
			x += 52 + text.length() * FlowchartLayout.CHAR_WIDTH + 24;
		}
		svg.append("<path d=\"M").append(n(x)).append(',').append(n(y + 35)).append(" H").append(n(x + 40))
			.append("\" stroke=\"#334155\" stroke-width=\"1.4\" marker-end=\"url(#fc-arrow)\"/><text x=\"")
			.append(n(x + 48)).append("\" y=\"").append(n(y + 39)).append("\">")
			.append(escape(texts.text("flowchart.legend.link"))).append("</text>\n");
		if (byActor) {
			x = 20;
			for (Lane lane : Lane.values()) {
				String[] colours = ACTOR_COLOURS[lane.ordinal()];
				String text = texts.text("flowchart.lane." + lane.name());
				svg.append("<g data-lane=\"").append(lane.name()).append("\"><rect x=\"").append(n(x)).append("\" y=\"")
					.append(n(y + 62)).append("\" width=\"30\" height=\"18\" fill=\"").append(colours[0])
					.append("\" stroke=\"").append(colours[1]).append("\" stroke-width=\"1.5\"/><text x=\"").append(n(x + 38))
					.append("\" y=\"").append(n(y + 75)).append("\">").append(escape(text)).append("</text></g>\n");
				x += 38 + text.length() * FlowchartLayout.CHAR_WIDTH + 24;
			}
		}
		if (pathNodes != null) {
			double top = y + 62 + (byActor ? ACTOR_LEGEND_HEIGHT : 0);
			svg.append("<g class=\"fc-path-legend\"><path d=\"M20,").append(n(top + 10)).append(" H60\" stroke=\"")
				.append(PATH_COLOUR).append("\" stroke-width=\"4\" marker-end=\"url(#fc-arrow-path)\"/>");
			badge("1", 80, top + 10);
			svg.append("<text x=\"100\" y=\"").append(n(top + 14)).append("\">")
				.append(escape(texts.text("flowchart.path.legend"))).append("</text></g>\n");
		}
		svg.append("</g>\n");
	}

	private static String n(double value) {
		return Svg.number(value);
	}

	static String escape(String text) {
		return Svg.escape(text);
	}

}

package org.guichet.presentation.flowchart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.elk.alg.layered.options.CycleBreakingStrategy;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.PortConstraints;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.guichet.presentation.drawing.ElkLayered;
import org.guichet.presentation.drawing.Svg;
import org.guichet.presentation.flowchart.LaidOutFlowchart.Band;
import org.guichet.presentation.flowchart.LaidOutFlowchart.Placed;
import org.guichet.presentation.flowchart.LaidOutFlowchart.Route;
import org.jspecify.annotations.Nullable;

/**
 * Places a flowchart with Eclipse ELK's layered algorithm, top to bottom, edges routed
 * orthogonally: every node enters at the middle of its top side and leaves at the middle of its
 * bottom side; a decision's "No" leaves by its right corner; a document hangs on its step's right
 * side. No coordinate is chosen by hand: only the nodes' sizes, measured from their text. The
 * nodes are given in the order of the flow, which ELK's model-order cycle breaking reads to tell
 * the loops (pending, refusal) from the way forward.
 * <p>
 * With lanes, each node's actor is its ELK partition ({@code elk.partitioning}): ELK puts every
 * layer of a lower partition above those of a higher one, so each actor's nodes fill a band of
 * rows of their own, in {@link Lane}'s order, and the edges going back to an earlier actor (the
 * requester's validation, the survey) are routed upwards by ELK. The cycles are then broken by
 * {@link CycleBreakingStrategy#GREEDY_MODEL_ORDER}: the plain model-order strategy leaves edges
 * running against the partitions, on which ELK 0.12's crossing counter fails with an
 * {@code ArrayIndexOutOfBoundsException} (why the first try with partitions was left). Within a
 * row, the nodes keep the order of the flow, so that the chart reads from left to right too: left
 * free, ELK put the start at the far right. The bands
 * are cut halfway between two actors' rows; a title cell on the left of each band, where ELK's
 * padding keeps the nodes out, names the actor.
 */
final class FlowchartLayout {

	static final double CHAR_WIDTH = Svg.CHAR_WIDTH;

	static final double LINE_HEIGHT = Svg.LINE_HEIGHT;

	private static final int STEP_CHARS = 26;

	private static final int DECISION_CHARS = 18;

	private static final double PADDING = 20;

	/** The width of a lane's title cell, left of the nodes. */
	static final double LANE_HEADER = 118;

	/** How many characters a line of a lane's title holds in its cell. */
	static final int LANE_HEADER_CHARS = 15;

	/** How many layouts are kept: each chart, language, lanes choice and set of notes asked lately. */
	private static final int KEPT = 64;

	/**
	 * The layouts already computed, least recently used dropped first: ELK's placement is nearly all
	 * of a chart's drawing time (0.1 to 0.7 s), and its inputs change only with the configuration
	 * (which changes the {@link Flowchart} value, hence the key) or with a period's counts.
	 */
	private static final Map<Key, LaidOutFlowchart> LAID_OUT = Collections
		.synchronizedMap(new LinkedHashMap<>(KEPT, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<Key, LaidOutFlowchart> eldest) {
				return size() > KEPT;
			}

		});

	/** What a layout depends on: the texts are the application's bundles, told apart by language. */
	private record Key(Flowchart chart, Locale locale, boolean lanes, Map<String, String> edgeNotes,
			Map<String, String> nodeNotes) {
	}

	private FlowchartLayout() {
	}

	/**
	 * The chart placed, its texts in {@code texts}' language; with {@code lanes}, each actor's
	 * nodes in a band of their own ({@link LaidOutFlowchart#lanes()}).
	 */
	static LaidOutFlowchart layout(Flowchart chart, FlowchartTexts texts, boolean lanes) {
		return layout(chart, texts, lanes, Map.of(), Map.of());
	}

	/**
	 * The same, with notes added: {@code edgeNotes} after an edge's label (or as its label), by
	 * edge id; {@code nodeNotes} as a last line of a node's text, by node id. The measured
	 * lifecycle's counts are such notes.
	 */
	static LaidOutFlowchart layout(Flowchart chart, FlowchartTexts texts, boolean lanes, Map<String, String> edgeNotes,
			Map<String, String> nodeNotes) {
		Key key = new Key(chart, texts.locale(), lanes, Map.copyOf(edgeNotes), Map.copyOf(nodeNotes));
		LaidOutFlowchart kept = LAID_OUT.get(key);
		if (kept != null) {
			return kept;
		}
		LaidOutFlowchart laidOut = compute(chart, texts, lanes, edgeNotes, nodeNotes);
		LAID_OUT.put(key, laidOut);
		return laidOut;
	}

	private static LaidOutFlowchart compute(Flowchart chart, FlowchartTexts texts, boolean lanes,
			Map<String, String> edgeNotes, Map<String, String> nodeNotes) {
		ElkNode root = ElkGraphUtil.createGraph();
		root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
		root.setProperty(CoreOptions.PADDING,
				new ElkPadding(PADDING, PADDING, PADDING, lanes ? LANE_HEADER + PADDING : PADDING));
		configure(root);
		if (lanes) {
			root.setProperty(LayeredOptions.PARTITIONING_ACTIVATE, true);
			root.setProperty(LayeredOptions.CYCLE_BREAKING_STRATEGY, CycleBreakingStrategy.GREEDY_MODEL_ORDER);
			root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_FORCE_NODE_MODEL_ORDER, true);
		}
		Map<String, ElkNode> elkNodes = new HashMap<>();
		Map<String, Placed> sized = new HashMap<>();
		for (FlowNode node : chart.nodes()) {
			Placed size = measure(node, texts, nodeNotes.get(node.id()));
			ElkNode elk = ElkGraphUtil.createNode(root);
			elk.setIdentifier(node.id());
			elk.setDimensions(size.width(), size.height());
			elk.setProperty(CoreOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_POS);
			if (lanes) {
				elk.setProperty(LayeredOptions.PARTITIONING_PARTITION, node.lane().ordinal());
			}
			port(elk, "in", PortSide.NORTH, size.width() / 2, 0);
			port(elk, "out", PortSide.SOUTH, size.width() / 2, size.height());
			if (node.kind() == NodeKind.DECISION) {
				port(elk, "no", PortSide.EAST, size.width(), size.height() / 2);
			}
			if (node.kind() == NodeKind.DOCUMENT) {
				port(elk, "attached", PortSide.WEST, 0, size.height() / 2);
			}
			elkNodes.put(node.id(), elk);
			sized.put(node.id(), size);
		}
		Map<FlowEdge, ElkEdge> elkEdges = new HashMap<>();
		for (FlowEdge edge : chart.edges()) {
			ElkNode source = elkNodes.get(edge.from());
			ElkNode target = elkNodes.get(edge.to());
			ElkPort from = edge.association() ? sidePort(source) : portOf(source, isNo(edge) ? "no" : "out");
			ElkPort to = portOf(target, edge.association() ? "attached" : "in");
			ElkEdge elk = ElkGraphUtil.createSimpleEdge(from, to);
			ElkGraphUtil.updateContainment(elk);
			String note = edgeNotes.get(edge.id());
			if (edge.label() != null || note != null) {
				String text = edge.label() == null ? note
						: note == null ? texts.text(edge.label()) : texts.text(edge.label()) + " · " + note;
				ElkLabel label = ElkGraphUtil.createLabel(text, elk);
				label.setDimensions(text.length() * CHAR_WIDTH + 6, LINE_HEIGHT);
				label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.TAIL);
			}
			elkEdges.put(edge, elk);
		}
		ElkLayered.layout(root);
		List<Placed> placed = new ArrayList<>();
		for (FlowNode node : chart.nodes()) {
			ElkNode elk = elkNodes.get(node.id());
			Placed size = sized.get(node.id());
			placed.add(new Placed(node, absoluteX(elk), absoluteY(elk), size.width(), size.height(), size.lines(),
					size.titleLines()));
		}
		List<Route> routes = new ArrayList<>();
		for (FlowEdge edge : chart.edges()) {
			routes.add(route(edge, elkEdges.get(edge)));
		}
		return new LaidOutFlowchart(root.getWidth(), root.getHeight(), placed, routes,
				lanes ? bands(placed, root.getHeight()) : List.of());
	}

	/**
	 * The bands of the actors that carry out a node, each cut halfway between its rows and the next
	 * actor's; the first starts at the top, the last ends at the bottom.
	 */
	private static List<Band> bands(List<Placed> placed, double height) {
		Map<Lane, double[]> extents = new EnumMap<>(Lane.class);
		for (Placed node : placed) {
			extents.merge(node.node().lane(), new double[] { node.y(), node.y() + node.height() },
					(a, b) -> new double[] { Math.min(a[0], b[0]), Math.max(a[1], b[1]) });
		}
		List<Map.Entry<Lane, double[]>> drawn = new ArrayList<>(extents.entrySet());
		List<Band> bands = new ArrayList<>();
		for (int i = 0; i < drawn.size(); i++) {
			double top = i == 0 ? 0 : (drawn.get(i - 1).getValue()[1] + drawn.get(i).getValue()[0]) / 2;
			double bottom = i + 1 == drawn.size() ? height
					: (drawn.get(i).getValue()[1] + drawn.get(i + 1).getValue()[0]) / 2;
			bands.add(new Band(drawn.get(i).getKey(), top, bottom, LANE_HEADER));
		}
		return bands;
	}

	private static void configure(ElkNode graph) {
		graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
		graph.setProperty(LayeredOptions.CYCLE_BREAKING_STRATEGY, CycleBreakingStrategy.MODEL_ORDER);
		graph.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
		graph.setProperty(CoreOptions.SPACING_NODE_NODE, 28.0);
		graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36.0);
		graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
		graph.setProperty(CoreOptions.SPACING_EDGE_NODE, 14.0);
		graph.setProperty(CoreOptions.SPACING_EDGE_EDGE, 10.0);
		graph.setProperty(CoreOptions.SPACING_EDGE_LABEL, 4.0);
	}

	/** Labels of the edges that leave by the bottom: a decision's yes and a step's labelled way forward. */
	private static final Set<String> FORWARD = Set.of("flowchart.yes", "flowchart.pending.resumed",
			"flowchart.approval.required", "flowchart.approval.approved");

	/** Whether the edge leaves a decision by its right side: a labelled edge other than a way forward. */
	private static boolean isNo(FlowEdge edge) {
		return edge.label() != null && !FORWARD.contains(edge.label().key());
	}

	private static void port(ElkNode node, String id, PortSide side, double x, double y) {
		ElkPort port = ElkGraphUtil.createPort(node);
		port.setIdentifier(node.getIdentifier() + ":" + id);
		port.setProperty(CoreOptions.PORT_SIDE, side);
		port.setLocation(x, y);
		port.setDimensions(0, 0);
	}

	private static ElkPort portOf(ElkNode node, String id) {
		return node.getPorts().stream().filter(port -> port.getIdentifier().endsWith(":" + id)).findFirst().orElseThrow();
	}

	/** The port on a step's right side its document hangs on, made on first use. */
	private static ElkPort sidePort(ElkNode step) {
		return step.getPorts().stream().filter(port -> port.getIdentifier().endsWith(":document")).findFirst()
			.orElseGet(() -> {
				port(step, "document", PortSide.EAST, step.getWidth(), step.getHeight() / 2);
				return portOf(step, "document");
			});
	}

	private static Placed measure(FlowNode node, FlowchartTexts texts, @Nullable String note) {
		int chars = node.kind() == NodeKind.DECISION ? DECISION_CHARS : STEP_CHARS;
		List<String> lines = new ArrayList<>(FlowchartTexts.wrap(texts.text(node.title()), chars));
		int titleLines = lines.size();
		for (Label detail : node.details()) {
			lines.addAll(FlowchartTexts.wrap(texts.text(detail), chars + 4));
		}
		if (note != null) {
			lines.addAll(FlowchartTexts.wrap(note, chars + 4));
		}
		int longest = lines.stream().mapToInt(String::length).max().orElse(1);
		double textWidth = longest * CHAR_WIDTH;
		double textHeight = lines.size() * LINE_HEIGHT;
		return switch (node.kind()) {
			case DECISION -> new Placed(node, 0, 0, Math.max(150, textWidth * 1.5 + 30), textHeight * 1.8 + 34, lines,
					titleLines);
			case START, END -> new Placed(node, 0, 0, textWidth + 48, Math.max(40, textHeight + 20), lines, titleLines);
			case DOCUMENT -> new Placed(node, 0, 0, textWidth + 24, textHeight + 28, lines, titleLines);
			case STEP -> new Placed(node, 0, 0, Math.max(100, textWidth + 24), textHeight + 16, lines, titleLines);
		};
	}

	private static Route route(FlowEdge edge, ElkEdge elk) {
		double dx = absoluteX(elk.getContainingNode());
		double dy = absoluteY(elk.getContainingNode());
		List<double[]> points = new ArrayList<>();
		for (ElkEdgeSection section : elk.getSections()) {
			points.add(new double[] { dx + section.getStartX(), dy + section.getStartY() });
			for (ElkBendPoint bend : section.getBendPoints()) {
				points.add(new double[] { dx + bend.getX(), dy + bend.getY() });
			}
			points.add(new double[] { dx + section.getEndX(), dy + section.getEndY() });
		}
		if (elk.getLabels().isEmpty()) {
			return new Route(edge, points, null, 0, 0);
		}
		ElkLabel label = elk.getLabels().get(0);
		return new Route(edge, points, label.getText(), dx + label.getX(), dy + label.getY());
	}

	/** The node's left side from the drawing's left, adding up its parents' offsets. */
	private static double absoluteX(ElkNode node) {
		double x = 0;
		for (ElkNode n = node; n != null && n.getParent() != null; n = n.getParent()) {
			x += n.getX();
		}
		return x;
	}

	private static double absoluteY(ElkNode node) {
		double y = 0;
		for (ElkNode n = node; n != null && n.getParent() != null; n = n.getParent()) {
			y += n.getY();
		}
		return y;
	}

}

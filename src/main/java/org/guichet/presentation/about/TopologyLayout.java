package org.guichet.presentation.about;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.guichet.presentation.about.Topology.Kind;
import org.guichet.presentation.about.Topology.Link;
import org.guichet.presentation.about.Topology.Node;
import org.guichet.presentation.drawing.ElkLayered;
import org.guichet.presentation.drawing.Svg;
import org.guichet.presentation.flowchart.Label;
import org.jspecify.annotations.Nullable;

/**
 * Places a topology with Eclipse ELK's layered algorithm, top to bottom: the people and programs,
 * then Guichet's nodes, then the database and the servers; links routed orthogonally with their
 * protocol at their middle. Only the boxes' sizes are chosen here, measured from their text.
 */
final class TopologyLayout {

	private static final int TITLE_CHARS = 26;

	private static final int DETAIL_CHARS = 34;

	/** Room above a box's text for its pictogram (browser bar, cylinder top). */
	static final double HEADER = 14;

	private TopologyLayout() {
	}

	/** A box placed, its text in lines (title lines first). */
	record Placed(Node node, double x, double y, double width, double height, List<String> lines, int titleLines) {
	}

	/** A link's route, at least two points, and its label's box (top left) when it has one. */
	record Route(Link link, List<double[]> points, @Nullable String label, double labelX, double labelY) {
	}

	/** The placed diagram, in pixels from its top left corner. */
	record Laid(double width, double height, List<Placed> nodes, List<Route> links) {
	}

	static Laid layout(Topology topology, AboutTexts texts) {
		ElkNode root = ElkGraphUtil.createGraph();
		root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
		root.setProperty(CoreOptions.PADDING, new ElkPadding(20));
		root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
		root.setProperty(CoreOptions.SPACING_NODE_NODE, 40.0);
		root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 40.0);
		root.setProperty(CoreOptions.SPACING_EDGE_LABEL, 4.0);
		// left to right in the builder's order: requesters, team, programs; node 1, node 2…
		root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
		Map<String, ElkNode> elkNodes = new HashMap<>();
		Map<String, Placed> sized = new HashMap<>();
		for (Node node : topology.nodes()) {
			Placed size = measure(node, texts);
			ElkNode elk = ElkGraphUtil.createNode(root);
			elk.setIdentifier(node.id());
			elk.setDimensions(size.width(), size.height());
			elkNodes.put(node.id(), elk);
			sized.put(node.id(), size);
		}
		Map<Link, ElkEdge> elkEdges = new HashMap<>();
		for (Link link : topology.links()) {
			ElkEdge elk = ElkGraphUtil.createSimpleEdge(elkNodes.get(link.from()), elkNodes.get(link.to()));
			ElkGraphUtil.updateContainment(elk);
			Label label = link.label();
			if (label != null) {
				String text = texts.text(label);
				ElkLabel elkLabel = ElkGraphUtil.createLabel(text, elk);
				elkLabel.setDimensions(text.length() * Svg.CHAR_WIDTH + 6, Svg.LINE_HEIGHT);
				elkLabel.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
			}
			elkEdges.put(link, elk);
		}
		ElkLayered.layout(root);
		List<Placed> placed = new ArrayList<>();
		for (Node node : topology.nodes()) {
			ElkNode elk = elkNodes.get(node.id());
			Placed size = sized.get(node.id());
			placed.add(new Placed(node, elk.getX(), elk.getY(), size.width(), size.height(), size.lines(),
					size.titleLines()));
		}
		List<Route> routes = new ArrayList<>();
		for (Link link : topology.links()) {
			routes.add(route(link, elkEdges.get(link)));
		}
		return new Laid(root.getWidth(), root.getHeight(), placed, routes);
	}

	private static Placed measure(Node node, AboutTexts texts) {
		List<String> lines = new ArrayList<>(Svg.wrap(texts.text(node.title()), TITLE_CHARS));
		int titleLines = lines.size();
		for (Label detail : node.details()) {
			lines.addAll(Svg.wrap(texts.text(detail), DETAIL_CHARS));
		}
		int longest = lines.stream().mapToInt(String::length).max().orElse(1);
		double width = Math.max(150, longest * Svg.CHAR_WIDTH + 28);
		double header = node.kind() == Kind.APPLICATION || node.kind() == Kind.SERVER ? 0 : HEADER;
		return new Placed(node, 0, 0, width, header + lines.size() * Svg.LINE_HEIGHT + 18, lines, titleLines);
	}

	private static Route route(Link link, ElkEdge elk) {
		List<double[]> points = new ArrayList<>();
		for (ElkEdgeSection section : elk.getSections()) {
			points.add(new double[] { section.getStartX(), section.getStartY() });
			for (ElkBendPoint bend : section.getBendPoints()) {
				points.add(new double[] { bend.getX(), bend.getY() });
			}
			points.add(new double[] { section.getEndX(), section.getEndY() });
		}
		if (elk.getLabels().isEmpty()) {
			return new Route(link, points, null, 0, 0);
		}
		ElkLabel label = elk.getLabels().get(0);
		return new Route(link, points, label.getText(), label.getX(), label.getY());
	}

}

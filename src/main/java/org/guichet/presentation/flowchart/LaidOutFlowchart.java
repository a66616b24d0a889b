package org.guichet.presentation.flowchart;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A flowchart placed on the plane, in pixels from the top left corner, with its texts in one
 * language: what {@link FlowchartSvg} draws.
 *
 * @param width the drawing's width
 * @param height the drawing's height
 * @param nodes every node with its box and text lines (title lines first)
 * @param edges every edge with its route and label
 * @param byActor true when each node is to be coloured by its actor ({@link Lane})
 */
record LaidOutFlowchart(double width, double height, List<Placed> nodes, List<Route> edges, boolean byActor) {

	/**
	 * @param titleLines how many of {@code lines} are the title's
	 */
	record Placed(FlowNode node, double x, double y, double width, double height, List<String> lines,
			int titleLines) {
	}

	/**
	 * @param points the route from source to target, at least two points
	 * @param label the branch's text and its box's top left corner, or null
	 */
	record Route(FlowEdge edge, List<double[]> points, @Nullable String label, double labelX, double labelY) {
	}

}

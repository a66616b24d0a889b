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
 * @param lanes the swimlanes, one horizontal band per actor that carries out at least one node, top to
 * bottom in {@link Lane}'s order; empty when the chart is drawn without lanes
 */
record LaidOutFlowchart(double width, double height, List<Placed> nodes, List<Route> edges, List<Band> lanes) {

	LaidOutFlowchart {
		lanes = List.copyOf(lanes);
	}

	/** Whether the chart is drawn with lanes, each node coloured by its actor. */
	boolean byActor() {
		return !lanes.isEmpty();
	}

	/**
	 * One actor's swimlane: a band across the whole drawing's width whose every node lies between
	 * {@code top} and {@code bottom}; the bands do not overlap.
	 *
	 * @param header the width of the band's title cell at its left, where no node is placed
	 */
	record Band(Lane lane, double top, double bottom, double header) {
	}

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

package org.guichet.presentation.flowchart;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The lifecycle as a graph: nodes in the order they were added (the order of the flow) and the
 * edges between them. Immutable.
 *
 * @param nodes every node, ids unique
 * @param edges every edge, between nodes of this chart
 */
public record Flowchart(List<FlowNode> nodes, List<FlowEdge> edges) {

	/** @throws IllegalArgumentException when two nodes share an id or an edge names an unknown node */
	public Flowchart {
		nodes = List.copyOf(nodes);
		edges = List.copyOf(edges);
		Set<String> ids = new HashSet<>();
		for (FlowNode node : nodes) {
			if (!ids.add(node.id())) {
				throw new IllegalArgumentException("Two nodes are named " + node.id());
			}
		}
		for (FlowEdge edge : edges) {
			if (!ids.contains(edge.from()) || !ids.contains(edge.to())) {
				throw new IllegalArgumentException("The edge " + edge.id() + " names an unknown node");
			}
		}
	}

	/** The node of that id, if drawn. */
	public Optional<FlowNode> node(String id) {
		return nodes.stream().filter(node -> node.id().equals(id)).findFirst();
	}

	/** The edges leaving the node of that id, in the order they were added. */
	public List<FlowEdge> edgesFrom(String id) {
		return edges.stream().filter(edge -> edge.from().equals(id)).toList();
	}

}

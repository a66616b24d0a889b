package org.guichet.presentation.flowchart;

import org.jspecify.annotations.Nullable;

/**
 * A link between two nodes of the flowchart.
 *
 * @param from the source node's id
 * @param to the target node's id
 * @param label the branch's text ({@code Yes} / {@code No} out of a decision), or null
 * @param association true for the link of a step to its document (drawn dashed, without arrow)
 */
public record FlowEdge(String from, String to, @Nullable Label label, boolean association) {

	/** The stable identifier of the edge, {@code from->to}. */
	public String id() {
		return from + "->" + to;
	}

}

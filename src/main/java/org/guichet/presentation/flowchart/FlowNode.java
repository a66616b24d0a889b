package org.guichet.presentation.flowchart;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One node of the lifecycle flowchart.
 *
 * @param id stable identifier (e.g. {@code registration}, {@code decision.validation}): a later
 * overlay (a ticket's path, measured branches) refers to nodes by it
 * @param kind the symbol
 * @param lane the actor who carries it out
 * @param title the main text
 * @param details further lines, possibly empty
 * @param configuredAt path of the administration page that configures what the node shows, or
 * null when nothing configures it
 */
public record FlowNode(String id, NodeKind kind, Lane lane, Label title, List<Label> details,
		@Nullable String configuredAt) {

	public FlowNode {
		details = List.copyOf(details);
	}

}

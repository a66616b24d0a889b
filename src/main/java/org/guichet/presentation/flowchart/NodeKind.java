package org.guichet.presentation.flowchart;

/** The classic flowchart symbol of a node. */
public enum NodeKind {

	/** The first step: an oval. */
	START,
	/** The last step: an oval. */
	END,
	/** Any other step: a rectangle. */
	STEP,
	/** A yes/no question: a diamond whose two outgoing edges are labelled. */
	DECISION,
	/** A document attached to a step: a rectangle with a wavy bottom, linked without an arrow. */
	DOCUMENT

}

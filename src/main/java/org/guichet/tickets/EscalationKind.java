package org.guichet.tickets;

/**
 * How a ticket was escalated.
 */
public enum EscalationKind {

	/** An agent moved it to a group of a higher support level. */
	FUNCTIONAL,
	/** An agent called in the supervisor of its technician. */
	HIERARCHICAL,
	/** A level of its SLA policy fired. */
	AUTOMATIC

}

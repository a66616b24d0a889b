package org.guichet.routing;

/**
 * How a group picks the technician of a ticket routed to it without one.
 */
public enum AssignmentMode {

	/** The ticket waits, unassigned, in the group's queue. */
	NONE,
	/** The qualifying members take turns, in the order of their ids. */
	ROUND_ROBIN,
	/** The qualifying member with the lightest open workload, weighted by priority. */
	LEAST_LOADED

}

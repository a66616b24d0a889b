package org.guichet.tickets;

/**
 * The agent workspace's queues.
 */
public enum Queue {

	UNASSIGNED, MINE, GROUPS,
	/** Open tickets with the at-risk share of an SLA target used. */
	AT_RISK,
	/** Open tickets past an SLA deadline. */
	BREACHED, PENDING, RESOLVED, ALL;

	/** Queues read in the order of their deadlines. */
	public boolean isSla() {
		return this == AT_RISK || this == BREACHED;
	}

}

package org.guichet.tickets;

/**
 * The agent workspace's queues.
 */
public enum Queue {

	UNASSIGNED, MINE, GROUPS,
	/** Open tickets with the at-risk share of an SLA target used. */
	AT_RISK,
	/** Open tickets past an SLA deadline. */
	BREACHED, PENDING, RESOLVED,
	/**
	 * Tickets whose requester's side replied while they waited on them (resolved, or pending on a
	 * supplier or an approval), until a member of the IT team acts on them.
	 */
	REQUESTER_REPLIED, ALL;

	/** Queues read in the order of their deadlines. */
	public boolean isSla() {
		return this == AT_RISK || this == BREACHED;
	}

}

package org.guichet.tickets;

/**
 * The agent workspace's queues.
 */
public enum Queue {

	UNASSIGNED, MINE, GROUPS,
	/**
	 * The tickets the agent took part in (registered, was assigned to, took, resolved, dispatched,
	 * escalated, was called in on, wrote in), in any status and wherever they are now.
	 */
	HANDLED,
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

	/**
	 * The order the queue is read in when the reader chose none: SLA queues by deadline, the
	 * tickets one handled by their last change, the others by priority.
	 */
	public TicketSort defaultSort() {
		if (isSla()) {
			return TicketSort.DEADLINE;
		}
		return this == HANDLED ? TicketSort.UPDATED : TicketSort.PRIORITY;
	}

}

package org.guichet.tickets;

/**
 * The agent workspace's queues.
 */
public enum Queue {

	UNASSIGNED, MINE, GROUPS, PENDING, RESOLVED, ALL

}

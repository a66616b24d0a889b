package org.guichet.sla;

/**
 * One of a ticket's two SLA clocks.
 */
public enum SlaClock {

	/** Time to own. */
	TTO,
	/** Time to resolve. */
	TTR

}

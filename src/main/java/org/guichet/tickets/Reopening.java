package org.guichet.tickets;

/**
 * How a resolved or closed ticket came back to the IT team, recorded in its history (field
 * {@code reopening}) for the reopening KPIs: both kinds count as a reopening.
 */
public enum Reopening {

	/**
	 * The requester refused the solution: a choice on the portal, an API transition, or a reply
	 * when the desk says that replies refuse.
	 */
	REFUSAL,

	/** A member of the IT team reopened it. */
	REOPEN

}

package org.guichet.tickets;

/**
 * What a requester's reply does to a resolved ticket when it does not say whether the problem is
 * solved (an API comment, later an e-mail): a desk setting the administrator chooses.
 */
public enum ReplyToResolved {

	/**
	 * The ticket stays resolved and is flagged "requester replied" for its technician; automatic
	 * closure waits until a member of the IT team acts on it. Not a reopening. The default.
	 */
	FLAG,

	/** The reply refuses the solution, with the message as the reason: a reopening. */
	REFUSE

}

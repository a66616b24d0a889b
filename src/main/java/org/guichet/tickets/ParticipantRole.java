package org.guichet.tickets;

/**
 * How a member of the IT team took part in a ticket. Whoever took part in a ticket keeps read
 * access to it wherever it moves (see {@link TicketAccess}).
 */
public enum ParticipantRole {

	/** Registered it, e.g. for a caller on the phone. */
	REGISTERED,
	/** Was assigned to it, by anyone (a colleague, routing, an escalation). */
	ASSIGNED,
	/** Took it in charge. */
	TOOK,
	/** Resolved it. */
	RESOLVED,
	/** Moved it to a group or to a technician other than themselves. */
	DISPATCHED,
	/** Escalated it. */
	ESCALATED,
	/** Was called in by an escalation: the supervisor of a hierarchical one, the observer of an SLA level. */
	CALLED_IN,
	/** Wrote a public reply or an internal note on it. */
	WROTE,
	/** Was named ({@code @login}) by a colleague in a reply or an internal note on it. */
	MENTIONED,

	/** Was made an observer of it (by a colleague, routing, an escalation); keeps reading it once removed. */
	OBSERVED

}

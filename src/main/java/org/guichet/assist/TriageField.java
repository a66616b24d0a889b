package org.guichet.assist;

/** The ticket fields the assistant suggests, each learnt by a model of its own. */
public enum TriageField {

	/** The category, by id. */
	CATEGORY,
	/** The ticket's type ({@link org.guichet.tickets.TicketType}'s name). */
	TYPE,
	/** The urgency ({@link org.guichet.tickets.Urgency}'s name). */
	URGENCY,
	/** The support group, by id. */
	GROUP

}

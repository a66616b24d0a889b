package org.guichet.tickets;

/**
 * A ticket linked to the one being read, as that one sees the link.
 *
 * @param linkId the stored link, to remove it
 * @param inverse false when the reader's ticket is the link's source ("follow-up of" the other),
 * true when it is its target ("followed up by" the other)
 * @param ticket the other ticket
 */
public record LinkedTicket(long linkId, TicketLinkKind kind, boolean inverse, Ticket ticket) {

	/** How the reader's ticket relates to the other: "duplicate of", "parent of"… */
	public TicketRelation relation() {
		return TicketRelation.of(kind, inverse);
	}

	/** Whether agents may remove this link (see {@link TicketLinkKind#removable()}). */
	public boolean removable() {
		return kind.removable();
	}

}

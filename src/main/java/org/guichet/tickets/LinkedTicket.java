package org.guichet.tickets;

/**
 * A ticket linked to the one being read, as that one sees the link.
 *
 * @param inverse false when the reader's ticket is the link's source ("follow-up of" the other),
 * true when it is its target ("followed up by" the other)
 * @param ticket the other ticket
 */
public record LinkedTicket(TicketLinkKind kind, boolean inverse, Ticket ticket) {
}

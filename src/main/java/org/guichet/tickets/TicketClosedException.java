package org.guichet.tickets;

import org.guichet.system.ConflictException;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The requester's side wrote to a closed or cancelled ticket. Such a message would reach nobody
 * and a closed ticket is never reopened silently: the answer says to open a new ticket about it,
 * linked to this one ({@code followUpOf}).
 */
public class TicketClosedException extends ConflictException {

	public TicketClosedException(TicketId ticket, Status status) {
		super("ticket.reply.closed", "Ticket " + ticket + " is " + status
				+ ": a reply does not reopen it. Open a new ticket with followUpOf=" + ticket.value(),
				ticket.toString(),
				new DefaultMessageSourceResolvable(new String[] { "status." + status.name() }, status.name()),
				String.valueOf(ticket.value()));
		property("followUpOf", ticket.value());
	}

}

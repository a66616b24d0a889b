package org.guichet.sla;

import java.util.Optional;

import org.guichet.directory.CurrentUser;
import org.guichet.tickets.TicketDetails;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.springframework.stereotype.Component;

/**
 * Shows a ticket's SLA with the ticket, under {@code sla}, as {@link SlaDisclosure} lets the
 * reader see it: absent when they may see nothing of it.
 */
@Component
class SlaTicketDetails implements TicketDetails {

	private final TicketManagement tickets;

	private final SlaDisclosure disclosure;

	SlaTicketDetails(TicketManagement tickets, SlaDisclosure disclosure) {
		this.tickets = tickets;
		this.disclosure = disclosure;
	}

	@Override
	public String name() {
		return "sla";
	}

	@Override
	public Optional<Object> of(TicketId ticket, CurrentUser reader) {
		return disclosure.visibleTo(tickets.get(ticket, reader), reader).map(Object.class::cast);
	}

}

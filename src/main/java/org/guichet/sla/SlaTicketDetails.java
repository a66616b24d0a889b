package org.guichet.sla;

import java.util.Optional;

import org.guichet.tickets.TicketDetails;
import org.guichet.tickets.TicketId;
import org.springframework.stereotype.Component;

/**
 * Shows a ticket's SLA with the ticket, under {@code sla}.
 */
@Component
class SlaTicketDetails implements TicketDetails {

	private final SlaManagement sla;

	SlaTicketDetails(SlaManagement sla) {
		this.sla = sla;
	}

	@Override
	public String name() {
		return "sla";
	}

	@Override
	public Optional<Object> of(TicketId ticket) {
		return sla.of(ticket).map(Object.class::cast);
	}

}

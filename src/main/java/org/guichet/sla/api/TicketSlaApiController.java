package org.guichet.sla.api;

import org.guichet.directory.CurrentUser;
import org.guichet.sla.SlaManagement;
import org.guichet.sla.SlaView;
import org.guichet.system.NotFoundException;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A ticket's SLA, for whoever may see the ticket.
 */
@RestController
class TicketSlaApiController {

	private final TicketManagement tickets;

	private final SlaManagement sla;

	TicketSlaApiController(TicketManagement tickets, SlaManagement sla) {
		this.tickets = tickets;
		this.sla = sla;
	}

	@GetMapping("/api/v1/tickets/{id}/sla")
	@PreAuthorize("isAuthenticated()")
	SlaView get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		TicketId ticket = new TicketId(id);
		tickets.get(ticket, user);
		return sla.of(ticket)
			.orElseThrow(() -> new NotFoundException("sla.none", "Ticket " + ticket + " has no SLA", ticket.toString()));
	}

}

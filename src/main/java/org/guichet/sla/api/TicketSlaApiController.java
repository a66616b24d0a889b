package org.guichet.sla.api;

import org.guichet.directory.CurrentUser;
import org.guichet.sla.SlaDisclosure;
import org.guichet.system.NotFoundException;
import org.guichet.tickets.TicketId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A ticket's SLA as the caller may see it ({@link SlaDisclosure}): everything for the IT team;
 * for a requester the expected resolution date, or 404 when the administrator shows them nothing.
 */
@RestController
class TicketSlaApiController {

	private final SlaDisclosure disclosure;

	TicketSlaApiController(SlaDisclosure disclosure) {
		this.disclosure = disclosure;
	}

	@GetMapping("/api/v1/tickets/{id}/sla")
	@PreAuthorize("isAuthenticated()")
	Object get(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		TicketId ticket = new TicketId(id);
		return disclosure.shownTo(ticket, user)
			.orElseThrow(() -> new NotFoundException("sla.none", "Ticket " + ticket + " has no SLA", ticket.toString()));
	}

}

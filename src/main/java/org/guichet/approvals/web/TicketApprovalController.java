package org.guichet.approvals.web;

import org.guichet.approvals.Approvals;
import org.guichet.directory.CurrentUser;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The block of a ticket's approval on the agent's and the requester's ticket pages, loaded into
 * them with htmx (the tickets module does not know approvals): each step, who was asked, who
 * answered, when, with what comment. Empty for a ticket without approval; 404 for a ticket the
 * reader may not see.
 */
@Controller
class TicketApprovalController {

	private final Approvals approvals;

	private final TicketManagement tickets;

	TicketApprovalController(Approvals approvals, TicketManagement tickets) {
		this.approvals = approvals;
		this.tickets = tickets;
	}

	@GetMapping({ "/agent/tickets/{id}/approval", "/portal/tickets/{id}/approval" })
	String approval(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
		TicketId ticket = new TicketId(id);
		tickets.get(ticket, me);
		model.addAttribute("approval", approvals.ofTicket(ticket).orElse(null));
		return "approvals/fragments/state :: state";
	}

}

package org.guichet.assist.web;

import java.util.Locale;

import org.guichet.assist.SimilarTickets;
import org.guichet.directory.CurrentUser;
import org.guichet.tickets.Status;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The "Similar tickets" panel of the agent's ticket page, loaded into it with htmx (the tickets
 * module does not know the assistant): the most similar tickets the agent may see, resolved ones
 * with their solution, and "Likely duplicate of #N" with the ticket page's own link and merge
 * forms (posted to the tickets module's handlers) when the agent may work on the ticket.
 */
@Controller
class SimilarTicketsController {

	private final SimilarTickets similar;

	private final TicketManagement tickets;

	SimilarTicketsController(SimilarTickets similar, TicketManagement tickets) {
		this.similar = similar;
		this.tickets = tickets;
	}

	@GetMapping("/agent/tickets/{id}/similar")
	String panel(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Locale locale, Model model) {
		TicketId ticketId = new TicketId(id);
		Ticket ticket = tickets.get(ticketId, me);
		model.addAttribute("ticket", ticket);
		model.addAttribute("similar", similar.forTicket(ticketId, me, locale));
		model.addAttribute("works", Status.OPEN.contains(ticket.getStatus()) && tickets.mayWorkOn(ticket, me));
		return "assist/similar-panel :: panel";
	}

}

package org.guichet.knowledge.web;

import org.guichet.directory.CurrentUser;
import org.guichet.knowledge.Articles;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The knowledge panel of the agent's ticket page, loaded into it with htmx (the tickets module
 * does not know the knowledge base): the articles linked to the ticket, and, once it is resolved
 * or closed, the link that writes one from it.
 */
@Controller
class TicketArticlesController {

	private final Articles articles;

	private final TicketManagement tickets;

	TicketArticlesController(Articles articles, TicketManagement tickets) {
		this.articles = articles;
		this.tickets = tickets;
	}

	@GetMapping("/agent/tickets/{id}/articles")
	String panel(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
		TicketId ticket = new TicketId(id);
		model.addAttribute("ticketId", id);
		model.addAttribute("linked", articles.ofTicket(ticket, me));
		model.addAttribute("resolved", Articles.WRITTEN_FROM.contains(tickets.get(ticket, me).getStatus()));
		return "knowledge/fragments/ticket-panel :: panel";
	}

}

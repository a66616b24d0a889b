package org.guichet.catalogue.web;

import org.guichet.catalogue.CatalogueRequests;
import org.guichet.directory.CurrentUser;
import org.guichet.tickets.TicketId;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The block of a ticket's form answers on the agent's and the requester's ticket pages, loaded
 * into them with htmx (the tickets module does not know the catalogue): empty for a ticket not
 * filed through it; 404 for a ticket the reader may not see.
 */
@Controller
class TicketAnswersController {

	private final CatalogueRequests requests;

	TicketAnswersController(CatalogueRequests requests) {
		this.requests = requests;
	}

	@GetMapping({ "/agent/tickets/{id}/form-answers", "/portal/tickets/{id}/form-answers" })
	String answers(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("filed",
				requests.answersOf(new TicketId(id), me, LocaleContextHolder.getLocale()).orElse(null));
		return "catalogue/fragments/answers :: answers";
	}

}

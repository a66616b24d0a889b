package org.guichet.assist.web;

import org.guichet.assist.SelfServiceOffers;
import org.guichet.directory.CurrentUser;
import org.guichet.system.ConflictException;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.TicketId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The article offered to the requester on their ticket's portal page (docs/ASSIST.md
 * "Self-service resolution"): an htmx fragment the tickets module's template loads without
 * knowing the assistant, empty when nothing is offered; its button "This solved my problem"
 * resolves and closes the ticket with the article.
 */
@Controller
class PortalSelfServiceController {

	private final SelfServiceOffers offers;

	PortalSelfServiceController(SelfServiceOffers offers) {
		this.offers = offers;
	}

	@GetMapping("/portal/tickets/{id}/self-service")
	String offer(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("offer", offers.offer(new TicketId(id), me).orElse(null));
		return "assist/portal-self-service :: offer";
	}

	/**
	 * "This solved my problem": back to the ticket's page, resolved and closed; when the offer no
	 * longer stands, the page says why: already resolved with the article (a second tab, a second
	 * click, the mail's link first) or someone took the ticket meanwhile, which then goes on.
	 */
	@PostMapping("/portal/tickets/{id}/self-service")
	String resolve(@PathVariable long id, @RequestParam long articleId, @AuthenticationPrincipal CurrentUser me,
			RedirectAttributes redirect) {
		try {
			offers.resolve(new TicketId(id), articleId, SelfServiceOffers.WayIn.PORTAL, me);
			redirect.addFlashAttribute("flash", "assist.self-service.resolved");
		}
		catch (ConflictException | InvalidInputException noLonger) {
			redirect.addFlashAttribute("flash", offers.resolvedBySelfService(new TicketId(id))
					? "assist.self-service.already-resolved" : "assist.self-service.no-longer");
		}
		return "redirect:/portal/tickets/" + id;
	}

}

package org.guichet.assist.web;

import java.util.Locale;

import org.guichet.assist.FieldSuggestion;
import org.guichet.assist.TicketSuggestions;
import org.guichet.assist.TriageField;
import org.guichet.directory.CurrentUser;
import org.guichet.system.DomainException;
import org.guichet.tickets.TicketId;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "Suggestions" panel of the agent's ticket page, loaded into it with htmx (the tickets module
 * does not know the assistant): each field the assistant is sure enough of, with its confidence,
 * and a button that applies it. Applying is a plain form post that goes back to the ticket page,
 * so that the fields, the history and the version the page holds are all fresh.
 */
@Controller
class TicketSuggestionsController {

	private final TicketSuggestions suggestions;

	private final MessageSource messages;

	TicketSuggestionsController(TicketSuggestions suggestions, MessageSource messages) {
		this.suggestions = suggestions;
		this.messages = messages;
	}

	@GetMapping("/agent/tickets/{id}/suggestions")
	String panel(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Locale locale, Model model) {
		model.addAttribute("ticketId", id);
		model.addAttribute("suggestions", suggestions.forTicket(new TicketId(id), me, locale));
		return "assist/ticket-panel :: panel";
	}

	/** Applies one suggestion, then back to the ticket with what was applied, or why it was not. */
	@PostMapping("/agent/tickets/{id}/suggestions")
	String apply(@PathVariable long id, @RequestParam TriageField field, @RequestParam String value,
			@AuthenticationPrincipal CurrentUser me, Locale locale, RedirectAttributes redirect) {
		try {
			FieldSuggestion applied = suggestions.accept(new TicketId(id), field, value, me, locale);
			redirect.addFlashAttribute("flash", "assist.panel.applied");
			redirect.addFlashAttribute("flashArgs",
					new Object[] { messages.getMessage("assist.field." + field, null, locale), applied.label() });
		}
		catch (DomainException e) {
			// a refusal shows as the ticket page's problem, not as a success
			redirect.addFlashAttribute("problem", messages.getMessage(e.messageKey(), e.arguments(), locale));
		}
		return "redirect:/agent/tickets/" + id;
	}

}

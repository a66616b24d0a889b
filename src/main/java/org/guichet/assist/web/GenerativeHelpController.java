package org.guichet.assist.web;

import java.util.Locale;

import org.guichet.assist.GenerativeArticles;
import org.guichet.assist.GenerativeFailure;
import org.guichet.assist.GenerativeFeature;
import org.guichet.assist.GenerativeHelp;
import org.guichet.directory.CurrentUser;
import org.guichet.system.DomainException;
import org.guichet.system.RepeatableSubmission;
import org.guichet.tickets.TicketId;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "Generative help" panel of the agent's ticket page, loaded into it with htmx (the tickets
 * module does not know the assistant): a button per feature offered, each answering in the panel,
 * labelled as generated. Nothing at all when the help is off or not for this agent. A failure is a
 * message in the panel: the agent's work goes on.
 */
@Controller
class GenerativeHelpController {

	private final GenerativeHelp help;

	private final GenerativeArticles generativeArticles;

	private final MessageSource messages;

	GenerativeHelpController(GenerativeHelp help, GenerativeArticles generativeArticles, MessageSource messages) {
		this.help = help;
		this.generativeArticles = generativeArticles;
		this.messages = messages;
	}

	@GetMapping("/agent/tickets/{id}/generative")
	String panel(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("ticketId", id);
		model.addAttribute("features", help.offered(new TicketId(id), me));
		return "assist/generative-panel :: panel";
	}

	/**
	 * A summary, a reply draft or the SLA explained, answered into the panel; asked again as often as
	 * the agent likes (each time a new use in the history).
	 */
	@PostMapping("/agent/tickets/{id}/generative/{feature:summary|reply|sla}")
	@RepeatableSubmission
	String generate(@PathVariable long id, @PathVariable String feature, @AuthenticationPrincipal CurrentUser me,
			Locale locale, Model model) {
		GenerativeFeature asked = GenerativeFeature.valueOf(feature.toUpperCase(Locale.ROOT));
		model.addAttribute("ticketId", id);
		model.addAttribute("feature", asked);
		try {
			GenerativeHelp.Generated generated = help.generate(new TicketId(id), asked, me, locale);
			model.addAttribute("generated", generated);
			if (asked == GenerativeFeature.REPLY) {
				model.addAttribute("replyText", GenerativeHelp.replyText(generated));
			}
		}
		catch (GenerativeFailure failure) {
			model.addAttribute("failure", failure);
		}
		return "assist/generative-panel :: result";
	}

	/** An article draft written from the resolved ticket, then its page to edit it; a failure back to the ticket. */
	@PostMapping("/agent/tickets/{id}/generative/article")
	String article(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Locale locale,
			RedirectAttributes redirect) {
		try {
			long articleId = generativeArticles.draft(new TicketId(id), me, locale);
			redirect.addFlashAttribute("flash", "assist.generative.article.created");
			return "redirect:/agent/knowledge/" + articleId + "/edit";
		}
		catch (GenerativeFailure failure) {
			redirect.addFlashAttribute("problem", failureMessage(failure, locale));
		}
		catch (DomainException e) {
			if (e.status() == 403 || e.status() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("problem", messages.getMessage(e.messageKey(), e.arguments(), locale));
		}
		return "redirect:/agent/tickets/" + id;
	}

	private String failureMessage(GenerativeFailure failure, Locale locale) {
		return messages.getMessage("assist.generative.failure." + failure.reason().name().toLowerCase(Locale.ROOT),
				new Object[] { failure.status() }, locale);
	}

}

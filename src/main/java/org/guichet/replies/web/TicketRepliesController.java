package org.guichet.replies.web;

import org.guichet.directory.CurrentUser;
import org.guichet.replies.CannedReplies;
import org.guichet.replies.Macro;
import org.guichet.replies.Macros;
import org.guichet.system.DomainException;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the agent's ticket page asks of canned replies and macros: the picker's list (an htmx
 * fragment, searchable by name), a canned reply expanded for the ticket (plain text, for the
 * page's script to insert into the reply or note), the "Macros" menu (an htmx fragment), and
 * applying a macro.
 */
@Controller
@RequestMapping("/agent/tickets/{id}")
class TicketRepliesController {

	private final CannedReplies replies;

	private final Macros macros;

	private final TicketManagement tickets;

	private final MessageSource messages;

	TicketRepliesController(CannedReplies replies, Macros macros, TicketManagement tickets, MessageSource messages) {
		this.replies = replies;
		this.macros = macros;
		this.tickets = tickets;
		this.messages = messages;
	}

	/**
	 * The canned replies the agent may use whose name contains {@code q}, as buttons inserting
	 * into the textarea {@code target} (an element id of the page).
	 */
	@GetMapping("/canned-replies")
	String picker(@PathVariable long id, @RequestParam(required = false) @Nullable String q,
			@RequestParam String target, @AuthenticationPrincipal CurrentUser me, Model model) {
		tickets.get(new TicketId(id), me);
		model.addAttribute("ticketId", id);
		model.addAttribute("target", target.replaceAll("[^A-Za-z0-9_-]", ""));
		model.addAttribute("replies", replies.usable(q, me));
		model.addAttribute("searched", q != null && !q.isBlank());
		model.addAttribute("query", q == null ? "" : q);
		return "replies/ticket :: choices";
	}

	/** The canned reply's Markdown with its placeholders expanded for the ticket. */
	@GetMapping(path = "/canned-replies/{replyId}/expanded", produces = MediaType.TEXT_PLAIN_VALUE)
	@ResponseBody
	String expanded(@PathVariable long id, @PathVariable long replyId, @AuthenticationPrincipal CurrentUser me) {
		return replies.expanded(replyId, new TicketId(id), me);
	}

	/** The macros the agent may apply, each a form posting the ticket's current version. */
	@GetMapping("/macros")
	String menu(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
		Ticket ticket = tickets.get(new TicketId(id), me);
		model.addAttribute("ticketId", id);
		model.addAttribute("version", ticket.getVersion());
		model.addAttribute("macros", macros.usable(me));
		return "replies/ticket :: menu";
	}

	/**
	 * Applies the macro, all or nothing. Back on the ticket's page: a confirmation naming the
	 * macro, or the refusal of the step that failed and that nothing was changed.
	 */
	@PostMapping("/macros/{macroId}")
	String apply(@PathVariable long id, @PathVariable long macroId, @RequestParam(required = false) @Nullable Long version,
			@AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		Macro macro = macros.get(macroId, me);
		try {
			macros.apply(macroId, new TicketId(id), version, me);
			redirect.addFlashAttribute("flash", "replies.flash.applied");
			redirect.addFlashAttribute("flashArgs", new Object[] { macro.getName() });
		}
		catch (DomainException ex) {
			refused(redirect, macro, messages.getMessage(ex.messageKey(), ex.arguments(), ex.getMessage(),
					LocaleContextHolder.getLocale()));
		}
		catch (OptimisticLockingFailureException ex) {
			refused(redirect, macro, messages.getMessage("ticket.concurrent", null, LocaleContextHolder.getLocale()));
		}
		return "redirect:/agent/tickets/" + id;
	}

	/** Shown by the ticket page's alert of refusals ({@code problem}). */
	private void refused(RedirectAttributes redirect, Macro macro, String reason) {
		redirect.addFlashAttribute("problem", messages.getMessage("replies.macro.refused",
				new Object[] { macro.getName(), reason }, LocaleContextHolder.getLocale()));
	}

}

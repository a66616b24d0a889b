package org.guichet.knowledge.web;

import org.guichet.directory.CurrentUser;
import org.guichet.knowledge.Article;
import org.guichet.knowledge.Articles;
import org.guichet.knowledge.DiagnosisProcedures;
import org.guichet.knowledge.RelevantArticles;
import org.guichet.system.DomainException;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The knowledge panel of the agent's ticket page, loaded into it with htmx (the tickets module
 * does not know the knowledge base): the ticket's diagnosis checklist, the articles linked to
 * it, the published articles relevant to it — each insertable into the reply as a link or as
 * its text — and, once it is resolved or closed, the link that writes one from it.
 */
@Controller
class TicketArticlesController {

	private final Articles articles;

	private final TicketManagement tickets;

	private final RelevantArticles relevant;

	private final DiagnosisProcedures diagnosis;

	private final String baseUrl;

	TicketArticlesController(Articles articles, TicketManagement tickets, RelevantArticles relevant,
			DiagnosisProcedures diagnosis, @Value("${guichet.mail.base-url:http://localhost:8080}") String baseUrl) {
		this.articles = articles;
		this.tickets = tickets;
		this.relevant = relevant;
		this.diagnosis = diagnosis;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@GetMapping("/agent/tickets/{id}/articles")
	String panel(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
		TicketId ticket = new TicketId(id);
		model.addAttribute("ticketId", id);
		model.addAttribute("linked", articles.ofTicket(ticket, me, LocaleContextHolder.getLocale()));
		model.addAttribute("relevant", relevant.forTicket(ticket, me, LocaleContextHolder.getLocale()));
		model.addAttribute("checklist", diagnosis.checklist(ticket, me).orElse(null));
		model.addAttribute("resolved", Articles.WRITTEN_FROM.contains(tickets.get(ticket, me).getStatus()));
		return "knowledge/fragments/ticket-panel :: panel";
	}

	/**
	 * Ticks or unticks a step of the ticket's diagnosis checklist (htmx: answers the checklist
	 * again, with the problem when refused, and the ticket's history table out of band, the tick
	 * being written in it; without htmx: back to the ticket).
	 */
	@PostMapping("/agent/tickets/{id}/diagnosis")
	String tick(@PathVariable long id, @RequestParam String step, @RequestParam(defaultValue = "false") boolean done,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			@AuthenticationPrincipal CurrentUser me, Model model) {
		TicketId ticket = new TicketId(id);
		try {
			diagnosis.tick(ticket, step, done, me);
		}
		catch (DomainException ex) {
			model.addAttribute("problem", ex.messageKey());
			model.addAttribute("problemArgs", ex.arguments());
		}
		if (htmx == null) {
			return "redirect:/agent/tickets/" + id + "#diagnosis";
		}
		model.addAttribute("ticketId", id);
		model.addAttribute("checklist", diagnosis.checklist(ticket, me).orElse(null));
		model.addAttribute("history", tickets.history(ticket, me));
		return "knowledge/fragments/ticket-panel :: ticked";
	}

	/**
	 * An article as it is inserted into a reply: {@code as=link}, a Markdown link to its page on
	 * the portal (a published public article only: requesters could not open another); {@code
	 * as=text}, its Markdown text under its title. A published article only: the panel offers no other.
	 *
	 * @throws org.guichet.system.NotFoundException when the reader may not read it, or a link to
	 * an article requesters may not read is asked
	 */
	@GetMapping(path = "/agent/knowledge/{id}/insert", produces = MediaType.TEXT_PLAIN_VALUE)
	@ResponseBody
	String insert(@PathVariable long id, @RequestParam(name = "as", defaultValue = "link") String as,
			@AuthenticationPrincipal CurrentUser me) {
		Article article = articles.get(id, me);
		if (article.getStatus() != org.guichet.knowledge.ArticleStatus.PUBLISHED) {
			// The panel offers published articles only: a draft's or an archive's text is no answer to send.
			throw new org.guichet.system.NotFoundException("knowledge.not-found", "No published article " + id, id);
		}
		if ("text".equals(as)) {
			return "**" + article.getTitle() + "**\n\n" + article.getBody() + "\n";
		}
		if (!article.isPublicNow()) {
			throw new org.guichet.system.NotFoundException("knowledge.not-found", "No public article " + id, id);
		}
		return "[" + article.getTitle().replace("[", "\\[").replace("]", "\\]") + "](" + baseUrl + "/portal/knowledge/"
				+ id + ")";
	}

}

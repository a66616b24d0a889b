package org.guichet.tickets.web;

import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.tickets.DrillDown;
import org.guichet.tickets.Queue;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketQuery;
import org.guichet.tickets.TicketSlice;
import org.guichet.tickets.TicketSort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The type-ahead of the ticket page's "link a ticket" and "merge into" fields: the options are
 * the tickets the agent may see (the lists' own visibility rule) whose number is the one typed
 * ({@code 12}, {@code #12}) or whose title holds the words typed (from {@value #MIN_TYPED}
 * characters), newest first, {@value #LIMIT} at most, without the ticket of the page.
 */
@Controller
class LinkCandidatesController {

	static final int LIMIT = 10;

	static final int MIN_TYPED = 2;

	private final TicketManagement tickets;

	LinkCandidatesController(TicketManagement tickets) {
		this.tickets = tickets;
	}

	/**
	 * @param id the ticket of the page, never offered
	 * @param ticket what the agent typed in the link form's field (named so, as htmx sends it)
	 * @param into what the agent typed in the merge form's field, when that one asks
	 */
	@GetMapping("/agent/tickets/{id}/link-candidates")
	@PreAuthorize("hasAnyRole('TECHNICIAN','SUPERVISOR','ADMINISTRATOR')")
	String candidates(@PathVariable long id, @RequestParam(defaultValue = "") String ticket,
			@RequestParam(defaultValue = "") String into, @AuthenticationPrincipal CurrentUser me, Model model) {
		String text = (ticket.isBlank() ? into : ticket).strip();
		String number = text.startsWith("#") ? text.substring(1) : text;
		boolean byNumber = !number.isEmpty() && number.length() <= 18 && number.chars().allMatch(Character::isDigit);
		if (byNumber || text.length() >= MIN_TYPED) {
			TicketSlice found = tickets.search(new TicketQuery(Queue.ALL, null, null, null, null, null, null, null,
					byNumber ? "#" + number : text, TicketSort.NEWEST, 0, LIMIT + 1, null, DrillDown.NONE), me);
			List<Ticket> others = found.tickets().stream().filter(t -> t.id().value() != id).toList();
			model.addAttribute("candidates", others.subList(0, Math.min(LIMIT, others.size())));
			model.addAttribute("more", others.size() > LIMIT || found.hasNext());
		}
		return "agent/fragments/link-candidates :: options";
	}

}

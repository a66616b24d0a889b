package org.guichet.tickets.web;

import org.guichet.directory.CurrentUser;
import org.guichet.system.InvalidInputException;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketLinks;
import org.guichet.tickets.TicketMerge;
import org.guichet.tickets.TicketObservers;
import org.guichet.tickets.TicketRelation;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agent's ticket page, part "links, merge, observers" (fragment
 * {@code agent/fragments/relations}): each form posts here and comes back to the ticket page.
 * A refusal comes back with everything typed ({@code relationsForm}), which form failed
 * ({@code relationsFailed}: {@code link}, {@code merge}, {@code observer}), the field at fault
 * and the message next to it ({@code relationsError}).
 */
@Controller
@RequestMapping("/agent/tickets/{id}")
class TicketRelationsController {

	private final TicketLinks links;

	private final TicketMerge merge;

	private final TicketObservers observers;

	private final TicketPageForms forms;

	TicketRelationsController(TicketLinks links, TicketMerge merge, TicketObservers observers,
			MessageSource messages) {
		this.links = links;
		this.merge = merge;
		this.observers = observers;
		this.forms = new TicketPageForms("relations", messages);
	}

	@PostMapping("/links")
	String addLink(@PathVariable long id, @ModelAttribute RelationsForm form, @AuthenticationPrincipal CurrentUser me,
			RedirectAttributes redirect) {
		return act(id, "link", form, redirect, () -> {
			TicketRelation relation = form.getRelation();
			if (relation == null) {
				throw new InvalidInputException("relation", "field.required", "Choose how the tickets are linked");
			}
			long other = RelationsForm.number("ticket", form.getTicket());
			links.link(new TicketId(id), relation, other, me);
			TicketPageForms.flash(redirect, "relations.flash.linked", new TicketId(other).toString());
		});
	}

	@PostMapping("/links/{linkId}/delete")
	String removeLink(@PathVariable long id, @PathVariable long linkId, @AuthenticationPrincipal CurrentUser me,
			RedirectAttributes redirect) {
		return act(id, "link", new RelationsForm(), redirect, () -> {
			links.unlink(new TicketId(id), linkId, me);
			TicketPageForms.flash(redirect, "relations.flash.unlinked");
		});
	}

	@PostMapping("/merge")
	String merge(@PathVariable long id, @ModelAttribute RelationsForm form, @AuthenticationPrincipal CurrentUser me,
			RedirectAttributes redirect) {
		long[] into = new long[1];
		String page = act(id, "merge", form, redirect, () -> {
			Ticket target = merge.merge(new TicketId(id), RelationsForm.number("into", form.getInto()),
					form.getVersion(), me);
			into[0] = target.id().value();
			TicketPageForms.flash(redirect, "relations.flash.merged", new TicketId(id).toString(), target.getNumber());
		});
		// The agent follows the conversation to where it moved.
		return into[0] == 0 ? page : "redirect:/agent/tickets/" + into[0];
	}

	@PostMapping("/observers")
	String addObserver(@PathVariable long id, @ModelAttribute RelationsForm form,
			@AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		return act(id, "observer", form, redirect, () -> {
			String name = observers.add(new TicketId(id), observers.personNamed(form.getUsername()), form.getVersion(),
					me)
				.getFullName();
			TicketPageForms.flash(redirect, "relations.flash.observer-added", name);
		});
	}

	@PostMapping("/observers/{userId}/delete")
	String removeObserver(@PathVariable long id, @PathVariable long userId, @ModelAttribute RelationsForm form,
			@AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		return act(id, "observer", form, redirect, () -> {
			observers.remove(new TicketId(id), userId, form.getVersion(), me);
			TicketPageForms.flash(redirect, "relations.flash.observer-removed");
		});
	}

	/** Runs the action and lands the agent on the ticket page, at the part they used. */
	private String act(long id, String formName, RelationsForm form, RedirectAttributes redirect, Runnable action) {
		return forms.run(formName, form, redirect, action) ? "redirect:/agent/tickets/" + id + "#relations"
				: "redirect:/agent/tickets/" + id + "#relations-" + formName;
	}

}

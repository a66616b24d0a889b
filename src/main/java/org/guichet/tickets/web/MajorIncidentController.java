package org.guichet.tickets.web;

import java.util.List;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.tickets.MajorIncidents;
import org.guichet.tickets.Ticket;
import org.guichet.tickets.TicketId;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agent's ticket page, part "major incident" (fragment {@code agent/fragments/major-incident}):
 * flag the ticket or remove the flag, attach tickets to it, or attach it to a major incident. Each
 * form comes back to the ticket page; a refusal with what was typed ({@code majorForm}), which
 * form failed ({@code majorFailed}: {@code flag}, {@code children}, {@code attach}) and the message
 * ({@code majorError}). Once a supervisor flagged a ticket, the confirmation offers its announcement
 * ({@code offerAnnouncement}).
 */
@Controller
@RequestMapping("/agent/tickets/{id}/major-incident")
class MajorIncidentController {

	private final MajorIncidents majorIncidents;

	private final TicketPageForms forms;

	MajorIncidentController(MajorIncidents majorIncidents, MessageSource messages) {
		this.majorIncidents = majorIncidents;
		this.forms = new TicketPageForms("major", messages);
	}

	@PostMapping
	String flag(@PathVariable long id, @ModelAttribute MajorIncidentForm form, @AuthenticationPrincipal CurrentUser me,
			RedirectAttributes redirect) {
		return act(id, "flag", form, redirect, () -> {
			Ticket ticket = majorIncidents.flag(new TicketId(id), form.getReason(), form.getVersion(), me);
			TicketPageForms.flash(redirect, "major.flash.flagged", ticket.getNumber());
			if (me.role().includes(Role.SUPERVISOR)) {
				redirect.addFlashAttribute("offerAnnouncement", true);
			}
		});
	}

	@PostMapping("/delete")
	String unflag(@PathVariable long id, @ModelAttribute MajorIncidentForm form,
			@AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		return act(id, "flag", form, redirect, () -> {
			Ticket ticket = majorIncidents.unflag(new TicketId(id), form.getVersion(), me);
			TicketPageForms.flash(redirect, "major.flash.unflagged", ticket.getNumber());
		});
	}

	@PostMapping("/children")
	String attachChildren(@PathVariable long id, @ModelAttribute MajorIncidentForm form,
			@AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		return act(id, "children", form, redirect, () -> {
			List<Ticket> attached = majorIncidents.attach(new TicketId(id), form.numbers(), me);
			TicketPageForms.flash(redirect, "major.flash.attached",
					String.join(", ", attached.stream().map(Ticket::getNumber).toList()));
		});
	}

	@PostMapping("/attach")
	String attachTo(@PathVariable long id, @ModelAttribute MajorIncidentForm form,
			@AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		return act(id, "attach", form, redirect, () -> {
			Ticket major = majorIncidents.attachTo(new TicketId(id), form.getMajor(), me);
			TicketPageForms.flash(redirect, "major.flash.attached-to", major.getNumber());
		});
	}

	private String act(long id, String formName, MajorIncidentForm form, RedirectAttributes redirect,
			Runnable action) {
		forms.run(formName, form, redirect, action);
		return "redirect:/agent/tickets/" + id + "#major-incident";
	}

}

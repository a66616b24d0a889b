package org.guichet.sla.web;

import java.time.Duration;

import org.guichet.directory.CurrentUser;
import org.guichet.sla.ExpectedResolution;
import org.guichet.sla.SlaDisclosure;
import org.guichet.sla.SlaManagement;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The SLA panel of the agent's ticket page and the expected resolution date of the portal's,
 * each loaded into its page with htmx; the portal's says what {@link SlaDisclosure} lets
 * requesters see.
 */
@Controller
class SlaPanelController {

	private final TicketManagement tickets;

	private final SlaManagement sla;

	private final SlaDisclosure disclosure;

	SlaPanelController(TicketManagement tickets, SlaManagement sla, SlaDisclosure disclosure) {
		this.tickets = tickets;
		this.sla = sla;
		this.disclosure = disclosure;
	}

	@GetMapping("/agent/tickets/{id}/sla")
	String panel(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		TicketId ticket = new TicketId(id);
		tickets.get(ticket, user);
		sla.of(ticket).ifPresent(view -> {
			model.addAttribute("sla", view);
			model.addAttribute("ttoLeft", BusinessDurations.of(view.ttoLeft()));
			model.addAttribute("ttrLeft", BusinessDurations.of(view.ttrLeft()));
			model.addAttribute("paused", BusinessDurations.of(view.pausedSoFar()));
		});
		return "sla/fragments/panel";
	}

	/** 404 when requesters see nothing of the SLA, as for its API. */
	@GetMapping("/portal/tickets/{id}/sla")
	String expectedResolution(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, Model model) {
		disclosure.forRequesters(new TicketId(id), user)
			.map(ExpectedResolution::expectedResolutionAt)
			.ifPresent(at -> model.addAttribute("expectedResolutionAt", at));
		return "sla/fragments/expected";
	}

	/** A business duration as days of 24 h would mislead: hours and minutes, signed. */
	record BusinessDurations(boolean late, long hours, long minutes) {

		/** Null for a clock with its verdict: nothing left to count. */
		static @Nullable BusinessDurations of(@Nullable Duration duration) {
			if (duration == null) {
				return null;
			}
			Duration abs = duration.abs();
			return new BusinessDurations(duration.isNegative(), abs.toHours(), abs.toMinutesPart());
		}

	}

}

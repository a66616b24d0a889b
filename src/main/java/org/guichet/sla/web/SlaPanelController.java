package org.guichet.sla.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.guichet.directory.CurrentUser;
import org.guichet.sla.ExpectedResolution;
import org.guichet.sla.SlaDisclosure;
import org.guichet.sla.SlaManagement;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.guichet.tickets.TicketQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

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
			.ifPresent(resolution -> model.addAttribute("resolution", resolution));
		return "sla/fragments/expected";
	}

	/**
	 * The expected resolution of each ticket of a portal list, swapped by htmx into the list's
	 * cells {@code expected-{id}} (out of band); 404 when requesters see nothing of the SLA, or
	 * when one of the tickets is not the reader's to see.
	 *
	 * @param ticket the ids of the tickets the list shows, at most a page of them
	 */
	@GetMapping("/portal/sla")
	String expectedResolutions(@RequestParam(name = "ticket", defaultValue = "") List<Long> ticket,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		Map<Long, ExpectedResolution> resolutions = new LinkedHashMap<>();
		ticket.stream().distinct().limit(TicketQuery.MAX_SIZE).forEach(id -> disclosure
			.forRequesters(new TicketId(id), user).ifPresent(resolution -> resolutions.put(id, resolution)));
		model.addAttribute("resolutions", resolutions);
		return "sla/fragments/expected-list";
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

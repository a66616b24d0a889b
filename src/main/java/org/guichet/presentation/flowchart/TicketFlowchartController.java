package org.guichet.presentation.flowchart;

import jakarta.servlet.http.HttpServletRequest;

import org.guichet.directory.CurrentUser;
import org.guichet.presentation.ForTheItTeam;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code GET /presentation/tickets/{id}/flowchart}: the HTML fragment the agent's ticket page
 * loads (with htmx) when its "Flowchart of this ticket" section is opened: the chart with the
 * ticket's path highlighted, in the reader's language, and its downloads. The IT team only
 * ({@link ForTheItTeam}); the ticket's visibility rules apply (404 otherwise).
 */
@Controller
@ForTheItTeam
class TicketFlowchartController {

	private final Flowcharts flowcharts;

	TicketFlowchartController(Flowcharts flowcharts) {
		this.flowcharts = flowcharts;
	}

	@GetMapping("/presentation/tickets/{id}/flowchart")
	String fragment(HttpServletRequest request, @PathVariable long id, @AuthenticationPrincipal CurrentUser reader,
			Model model) {
		model.addAttribute("ticketId", id);
		model.addAttribute("formats", FlowchartRequest.FORMATS);
		model.addAttribute("svg",
				flowcharts.ticketSvg(id, reader, LocaleContextHolder.getLocale(),
						ShapeLinks.forReader(reader, request.getContextPath())));
		return "presentation/ticket-flowchart :: chart";
	}

}

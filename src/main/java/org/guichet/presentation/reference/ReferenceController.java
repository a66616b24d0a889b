package org.guichet.presentation.reference;

import org.guichet.directory.CurrentUser;
import org.guichet.presentation.ForTheItTeam;
import org.guichet.system.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The reference page, {@code /presentation/reference}, for the IT team, printable: the category
 * tree, the priority matrix and who fills it in, the support levels, the SLA targets, pause
 * reasons and escalation levels, as configured when the page is opened. Others get 404.
 */
@ForTheItTeam
@Controller
class ReferenceController {

	private final ReferencePages reference;

	ReferenceController(ReferencePages reference) {
		this.reference = reference;
	}

	@GetMapping("/presentation/reference")
	String page(@AuthenticationPrincipal CurrentUser reader, Model model) {
		if (!reader.isAgent()) {
			throw new NotFoundException("pages.not-found", "The reference pages are the IT team's");
		}
		model.addAttribute("reference", reference.current());
		return "presentation/reference";
	}

}

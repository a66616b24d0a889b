package org.guichet.assist.web;

import java.util.Locale;

import org.guichet.assist.DraftDuplicates;
import org.guichet.directory.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * As a request's title is typed on the portal's new-ticket form (the tickets module's template
 * loads it with htmx, without knowing the assistant): the person's own open requests and the
 * announced major incidents it likely duplicates, before it is filed. Nothing when none.
 */
@Controller
class PortalDuplicatesController {

	private final DraftDuplicates duplicates;

	PortalDuplicatesController(DraftDuplicates duplicates) {
		this.duplicates = duplicates;
	}

	@GetMapping("/portal/assist/duplicates")
	String duplicates(@RequestParam(defaultValue = "") String title, @AuthenticationPrincipal CurrentUser me,
			Locale locale, Model model) {
		model.addAttribute("found", duplicates.forTitle(title, me, locale));
		return "assist/portal-duplicates :: duplicates";
	}

}

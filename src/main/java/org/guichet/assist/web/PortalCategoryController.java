package org.guichet.assist.web;

import java.util.Locale;

import org.guichet.assist.TriageField;
import org.guichet.assist.TriageSuggestions;
import org.guichet.directory.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The category the assistant suggests as a demand is typed on the portal's new-ticket form (the
 * tickets module's template loads it with htmx, without knowing the assistant): the suggestion
 * with its confidence, carrying the category's id for category-suggestion.js to preselect until the
 * person chooses one themselves; nothing when the assistant abstains. Without JavaScript nothing
 * is loaded and nothing preselected.
 */
@Controller
class PortalCategoryController {

	private final TriageSuggestions suggestions;

	PortalCategoryController(TriageSuggestions suggestions) {
		this.suggestions = suggestions;
	}

	@GetMapping("/portal/assist/category")
	String category(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String description,
			@AuthenticationPrincipal CurrentUser me, Locale locale, Model model) {
		model.addAttribute("suggestion", suggestions.suggest(title, description, me.id(), locale)
			.stream()
			.filter(s -> s.field() == TriageField.CATEGORY)
			.findFirst()
			.orElse(null));
		return "assist/portal-category :: suggestion";
	}

}

package org.guichet.links.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guichet.directory.PageLanguage;
import org.guichet.system.ConflictException;
import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public page of a ticket's signed link, without logging in, in the language of the person
 * it was sent to. The GET only shows (mail scanners fetch links); the POST of its one button acts.
 */
@Controller
class TicketLinkController {

	private final TicketLinkActions actions;

	TicketLinkController(TicketLinkActions actions) {
		this.actions = actions;
	}

	@GetMapping("/links/ticket/{token}")
	String show(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		PageLanguage.use(request, actions.language(token));
		return page(actions.show(token), token, null, null, response, model);
	}

	@PostMapping("/links/ticket/{token}")
	String act(@PathVariable String token, @RequestParam(required = false) @Nullable Integer rating,
			@RequestParam(required = false) @Nullable String comment, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		PageLanguage.use(request, actions.language(token));
		try {
			return page(actions.act(token, rating, comment), token, rating, comment, response, model);
		}
		catch (InvalidInputException refused) {
			return page(actions.show(token).withError(refused.messageKey(), refused.arguments()), token, rating,
					comment, response, model);
		}
		catch (ConflictException changedMeanwhile) {
			return page(actions.show(token), token, rating, comment, response, model);
		}
	}

	/** Renders the page; an invalid link answers 404, an expired one 410. */
	private static String page(TicketLinkPage page, String token, @Nullable Integer rating, @Nullable String comment,
			HttpServletResponse response, Model model) {
		if (page.kind() == TicketLinkPage.Kind.INVALID) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		}
		else if (page.kind() == TicketLinkPage.Kind.EXPIRED) {
			response.setStatus(HttpServletResponse.SC_GONE);
		}
		model.addAttribute("link", page);
		model.addAttribute("token", token);
		model.addAttribute("rating", rating);
		model.addAttribute("comment", comment == null ? "" : comment);
		return "links/ticket";
	}

}

package org.guichet.assist.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guichet.assist.SelfServiceLinks;
import org.guichet.directory.PageLanguage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The public page of the acknowledgment mail's "This solved my problem" link
 * ({@code /links/self-service/…}, under the signed links' security: no login, no session), in the
 * language of the person it was sent to. The GET only shows the article and a button (mail
 * scanners fetch links); its POST resolves the ticket.
 */
@Controller
class SelfServiceLinkController {

	private final SelfServiceLinks links;

	SelfServiceLinkController(SelfServiceLinks links) {
		this.links = links;
	}

	@GetMapping("/links/self-service/{token}")
	String show(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		PageLanguage.use(request, links.language(token));
		return page(links.show(token), token, response, model);
	}

	@PostMapping("/links/self-service/{token}")
	String act(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		PageLanguage.use(request, links.language(token));
		return page(links.act(token), token, response, model);
	}

	/** Renders the page; an invalid link answers 404, an expired one 410. */
	private static String page(SelfServiceLinks.Page page, String token, HttpServletResponse response, Model model) {
		if (page.kind() == SelfServiceLinks.Kind.INVALID) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		}
		else if (page.kind() == SelfServiceLinks.Kind.EXPIRED) {
			response.setStatus(HttpServletResponse.SC_GONE);
		}
		model.addAttribute("link", page);
		model.addAttribute("token", token);
		return "assist/self-service-link";
	}

}

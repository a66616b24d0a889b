package org.guichet.approvals.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.guichet.approvals.ApprovalLinkPage;
import org.guichet.approvals.ApprovalLinks;
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
 * The public page of an approval link of a mail ({@code /links/approval/…}, under the signed links'
 * security: no login, no session), in the language of the person it was sent to. The GET only
 * shows the request and a confirm button (mail scanners fetch links); its POST approves or refuses.
 */
@Controller
class ApprovalLinkController {

	private final ApprovalLinks links;

	ApprovalLinkController(ApprovalLinks links) {
		this.links = links;
	}

	@GetMapping("/links/approval/{token}")
	String show(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
		PageLanguage.use(request, links.language(token));
		return page(links.show(token), token, null, response, model);
	}

	@PostMapping("/links/approval/{token}")
	String act(@PathVariable String token, @RequestParam(required = false) @Nullable String comment,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		PageLanguage.use(request, links.language(token));
		try {
			return page(links.act(token, comment), token, comment, response, model);
		}
		catch (InvalidInputException refused) {
			return page(links.show(token).withError(refused.messageKey(), refused.arguments()), token, comment,
					response, model);
		}
		catch (ConflictException changedMeanwhile) {
			return page(links.show(token), token, comment, response, model);
		}
	}

	/** Renders the page; an invalid link answers 404, an expired one 410. */
	private static String page(ApprovalLinkPage page, String token, @Nullable String comment,
			HttpServletResponse response, Model model) {
		if (page.kind() == ApprovalLinkPage.Kind.INVALID) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		}
		else if (page.kind() == ApprovalLinkPage.Kind.EXPIRED) {
			response.setStatus(HttpServletResponse.SC_GONE);
		}
		model.addAttribute("link", page);
		model.addAttribute("token", token);
		model.addAttribute("comment", comment == null ? "" : comment);
		return "approvals/link";
	}

}

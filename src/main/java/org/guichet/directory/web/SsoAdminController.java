package org.guichet.directory.web;

import org.guichet.directory.CurrentUser;
import org.guichet.directory.oidc.OidcSettings;
import org.guichet.directory.oidc.SingleSignOn;
import org.guichet.system.FormRefusals;
import org.guichet.system.InvalidInputException;
import org.guichet.system.RepeatableSubmission;
import org.guichet.system.VersionMismatchException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Administration › Single sign-on: the OpenID Connect provider's settings (the client secret is
 * never shown: left empty, the stored one is kept), the redirect URI to register at the provider,
 * and "Check the provider", which reads its discovery document again.
 */
@Controller
@RequestMapping("/admin/sso")
class SsoAdminController {

	private static final String PAGE = "admin/sso";

	private final OidcSettings settings;

	SsoAdminController(OidcSettings settings) {
		this.settings = settings;
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("ssoForm", SsoForm.of(settings.current()));
		return show(model);
	}

	/** The rules are {@link OidcSettings#save}'s; refused, the page again with what was typed. */
	@PostMapping
	String save(@AuthenticationPrincipal CurrentUser me, SsoForm ssoForm, BindingResult result, Model model,
			RedirectAttributes redirect) {
		try {
			settings.save(ssoForm.changes(), ssoForm.getVersion(), me.userId());
			redirect.addFlashAttribute("flash", "admin.flash.saved");
			return "redirect:/admin/sso";
		}
		catch (VersionMismatchException ex) {
			ssoForm.setVersion(ex.currentVersion());
			result.reject("admin.conflict");
		}
		catch (InvalidInputException ex) {
			FormRefusals.reject(ex, result);
		}
		return show(model);
	}

	/** Reads the saved issuer's discovery document and shows what it offers, in place (htmx). */
	@PostMapping("/test")
	@RepeatableSubmission
	String test(Model model) {
		try {
			model.addAttribute("discovered", settings.test());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("testFailure", ex);
		}
		return PAGE + " :: test";
	}

	private String show(Model model) {
		model.addAttribute("provider", settings.current());
		model.addAttribute("roles", OidcSettings.NEW_ACCOUNT_ROLES);
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		model.addAttribute("redirectUri", base + SingleSignOn.CALLBACK);
		model.addAttribute("postLogoutUri", base + "/login?logout");
		return PAGE;
	}

}

package org.guichet.directory.web;

import jakarta.servlet.http.HttpSession;
import org.guichet.directory.internal.KeepUsernameOnFailure;
import org.guichet.directory.oidc.SingleSignOn;
import org.guichet.system.StartupLoading;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	private final StartupLoading startupLoading;

	private final SingleSignOn singleSignOn;

	LoginController(StartupLoading startupLoading, SingleSignOn singleSignOn) {
		this.startupLoading = startupLoading;
		this.singleSignOn = singleSignOn;
	}

	/**
	 * The login form, with what is still loading (logging in waits for it), the button of single
	 * sign-on while it is on and, after a refused attempt, the user name that was typed.
	 */
	@GetMapping("/login")
	String login(Model model, HttpSession session) {
		model.addAttribute("startupLoading", startupLoading.inProgress());
		model.addAttribute("ssoName", singleSignOn.buttonName());
		Object typed = session.getAttribute(KeepUsernameOnFailure.TYPED_USERNAME);
		if (typed != null) {
			session.removeAttribute(KeepUsernameOnFailure.TYPED_USERNAME);
			model.addAttribute("typedUsername", typed);
		}
		return "login";
	}

	/**
	 * Starts a sign-in with the provider; while single sign-on is off, says so, and when its
	 * settings cannot be used (a client secret stored under another key), that it failed.
	 */
	@GetMapping(SingleSignOn.START)
	String startSingleSignOn() {
		String path = singleSignOn.authorizationPath();
		if (path == null) {
			return "redirect:" + SingleSignOn.PROBLEM + "?problem="
					+ (singleSignOn.buttonName() == null ? "disabled" : "failed");
		}
		return "redirect:" + path;
	}

	/**
	 * Why a sign-in with the provider failed and what to do, in the person's language; an unknown
	 * code reads as {@code failed}.
	 */
	@GetMapping(SingleSignOn.PROBLEM)
	String singleSignOnProblem(@RequestParam(defaultValue = "failed") String problem, Model model) {
		model.addAttribute("problem", SingleSignOn.PROBLEMS.contains(problem) ? problem : "failed");
		model.addAttribute("ssoName", singleSignOn.buttonName());
		return "login-sso";
	}

}

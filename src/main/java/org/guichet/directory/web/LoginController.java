package org.guichet.directory.web;

import jakarta.servlet.http.HttpSession;
import org.guichet.directory.internal.KeepUsernameOnFailure;
import org.guichet.system.StartupLoading;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	private final StartupLoading startupLoading;

	LoginController(StartupLoading startupLoading) {
		this.startupLoading = startupLoading;
	}

	/**
	 * The login form, with what is still loading (logging in waits for it) and, after a refused
	 * attempt, the user name that was typed.
	 */
	@GetMapping("/login")
	String login(Model model, HttpSession session) {
		model.addAttribute("startupLoading", startupLoading.inProgress());
		Object typed = session.getAttribute(KeepUsernameOnFailure.TYPED_USERNAME);
		if (typed != null) {
			session.removeAttribute(KeepUsernameOnFailure.TYPED_USERNAME);
			model.addAttribute("typedUsername", typed);
		}
		return "login";
	}

}

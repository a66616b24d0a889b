package org.guichet.directory.web;

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

	/** The login form, with what is still loading (logging in waits for it). */
	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("startupLoading", startupLoading.inProgress());
		return "login";
	}

}

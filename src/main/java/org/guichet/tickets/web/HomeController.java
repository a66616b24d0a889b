package org.guichet.tickets.web;

import org.guichet.directory.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentUser user) {
		return user.isAgent() ? "redirect:/agent" : "redirect:/portal";
	}

}

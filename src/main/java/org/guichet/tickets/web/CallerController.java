package org.guichet.tickets.web;

import java.util.Locale;

import org.guichet.directory.User;
import org.guichet.directory.UserRepository;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The caller picker of the agent's new-ticket form: the options of a type-ahead over the
 * people's names, user names, e-mails and phone numbers, {@value #LIMIT} at most, from two
 * characters typed. Never the list of every user.
 */
@Controller
class CallerController {

	static final int LIMIT = 10;

	static final int MIN_TYPED = 2;

	private final UserRepository users;

	CallerController(UserRepository users) {
		this.users = users;
	}

	@GetMapping("/agent/callers")
	@PreAuthorize("hasAnyRole('TECHNICIAN','SUPERVISOR','ADMINISTRATOR')")
	String callers(@RequestParam(name = "caller", defaultValue = "") String typed, Model model) {
		String text = typed.strip().toLowerCase(Locale.ROOT);
		if (text.length() >= MIN_TYPED) {
			String pattern = "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
			Slice<User> found = users.findCallers(pattern, PageRequest.of(0, LIMIT));
			model.addAttribute("callers", found.getContent());
			model.addAttribute("more", found.hasNext());
		}
		return "agent/callers :: options";
	}

}

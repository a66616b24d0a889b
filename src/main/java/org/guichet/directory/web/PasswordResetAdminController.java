package org.guichet.directory.web;

import org.guichet.directory.PasswordResets;
import org.guichet.directory.UserId;
import org.guichet.directory.UserRepository;
import org.guichet.system.ConflictException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The administrator's side of "forgot password", for accounts without e-mail address (the others
 * get their link by mail): the requests waiting (on the users list), a user's request and the button that issues them a reset link (on
 * their page), and the link itself, shown once.
 */
@Controller
@RequestMapping("/admin")
class PasswordResetAdminController {

	private final PasswordResets resets;

	private final UserRepository users;

	PasswordResetAdminController(PasswordResets resets, UserRepository users) {
		this.resets = resets;
		this.users = users;
	}

	/** The requests waiting, loaded into the users list. */
	@GetMapping("/password-resets")
	String pending(Model model) {
		model.addAttribute("pending", resets.pending());
		return "admin/users/password-resets :: pending";
	}

	/** A user's request, if any, and the button, loaded into their page. */
	@GetMapping("/users/{id}/password-reset")
	String panel(@PathVariable long id, Model model) {
		model.addAttribute("active", requireUser(id).isActive());
		model.addAttribute("userId", id);
		model.addAttribute("pendingSince", resets.pendingSince(new UserId(id)).orElse(null));
		return "admin/users/password-resets :: panel";
	}

	/**
	 * Issues the link and shows it once; a refusal (a deactivated or directory account) goes back to
	 * the person's page, which says why ({@code resetRefusal}, a message key).
	 */
	@PostMapping("/users/{id}/password-reset")
	String issue(@PathVariable long id, RedirectAttributes redirect) {
		String secret;
		try {
			secret = resets.issue(new UserId(id));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("resetRefusal", ex.messageKey());
			return "redirect:/admin/users/" + id + "/edit";
		}
		redirect.addFlashAttribute("resetLink", ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/password/reset")
			.queryParam("token", secret)
			.toUriString());
		return "redirect:/admin/users/" + id + "/password-reset/issued";
	}

	/** Shows a new reset link, which exists only in this one response: its secret is never stored. */
	@GetMapping("/users/{id}/password-reset/issued")
	String issued(@PathVariable long id, Model model) {
		model.addAttribute("user", requireUser(id));
		return "admin/users/reset-link";
	}

	private org.guichet.directory.User requireUser(long id) {
		return users.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}

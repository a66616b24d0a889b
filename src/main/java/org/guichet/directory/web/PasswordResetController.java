package org.guichet.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import org.guichet.directory.PasswordResets;
import org.guichet.system.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Forgot password", for people who are not logged in: the request (by login or e-mail address,
 * always answered the same way) and the reset page a reset link opens.
 */
@Controller
@RequestMapping("/password")
class PasswordResetController {

	private final PasswordResets resets;

	PasswordResetController(PasswordResets resets) {
		this.resets = resets;
	}

	@GetMapping("/forgot")
	String forgotForm() {
		return "password/forgot";
	}

	/**
	 * The same answer whether or not an account matches; only too many requests from one address
	 * are told apart, which says nothing of any account.
	 */
	@PostMapping("/forgot")
	String request(@RequestParam(defaultValue = "") String login, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		if (!resets.request(login, request.getRemoteAddr())) {
			model.addAttribute("login", login);
			model.addAttribute("problem", "password.forgot.too-many");
			return "password/forgot";
		}
		redirect.addFlashAttribute("flash", "password.forgot.recorded");
		return "redirect:/password/forgot?sent";
	}

	@GetMapping("/reset")
	String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
		return resetPage(token, model);
	}

	/** Sets the new password; the form comes back with the reason when it is refused. */
	@PostMapping("/reset")
	String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String confirmation, Model model, RedirectAttributes redirect) {
		if (!newPassword.equals(confirmation)) {
			model.addAttribute("confirmationError", "profile.password.mismatch");
			return resetPage(token, model);
		}
		try {
			resets.reset(token, newPassword);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("passwordError", ex.messageKey());
			model.addAttribute("passwordErrorArgs", ex.arguments());
			return resetPage(token, model);
		}
		return "redirect:/login?reset";
	}

	private String resetPage(@Nullable String token, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("holder", resets.holder(token == null ? "" : token).orElse(null));
		return "password/reset";
	}

}
